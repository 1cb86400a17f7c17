"""Workflow dialogs for a request: advance one step, decline, withdraw, or reset.

Each asks for what its step needs (a reference, the OSJA grade, the authoriser and level,
the s.26 reference, the earlier state to go back to, a reason) and who is making the change,
then calls the core's ``advance`` / ``decline`` / ``withdraw`` / ``reset``. A guard's refusal
is shown word for word inside the dialog; nothing is saved until a step succeeds.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import HorizontalGroup, VerticalGroup
from textual.widgets import Button, Input, Label, Select, Static

from catalogue.core.abbreviations import spell_out
from catalogue.core.requests.pages import RequestDetail
from catalogue.core.requests.states import FORWARD, LABELS, position
from catalogue.tui.dialogs.form import FormDialog
from catalogue.tui.field_words import app_message
from catalogue.tui.shown import shown_text
from catalogue.tui.spelling import spell_out_text

REFERENCE_STEPS = {"ipab-submitted": "IPAB reference", "jiph-approved": "JIPH reference"}


class AdvanceDialog(FormDialog[Any]):
    """Move a request to its next state; returns the updated request."""

    def __init__(self, detail: RequestDetail, choices: dict[str, Any], user: str) -> None:
        super().__init__(id="advance")
        self.detail = detail
        self.request = detail["request"]
        self.step = detail["next_step"]
        self.choices = choices
        self.user = user

    @property
    def target(self) -> str:
        return str(self.step["next"])

    def compose(self) -> ComposeResult:
        r = self.request
        spelled: set[str] = set()  # IPAB, JIPH, OSJA and s.26 spelled out on first use

        def words(text: str | Text) -> Text:
            return spell_out_text(shown_text(Text(text) if isinstance(text, str) else text),
                                  spelled)

        with VerticalGroup(classes="dialog form"):
            title = Text(f"Request {r['id']}: {r['state_label']} → {self.step['next_label']}")
            yield Label(words(title), classes="dialog-title")
            yield Static(words(self._needs()), classes="dialog-needs")
            if self.target in REFERENCE_STEPS:
                yield Label(words(f"{REFERENCE_STEPS[self.target]} (optional)"),
                            classes="field-label")
                yield Input(id="reference")
            if self.target == "osja-assessed":
                osja = self.detail.get("osja") or {}
                yield Label(words(f"OSJA assessment: {osja.get('label', 'not recorded')} "
                                  "(record a version first: o on the board, or catalogue osja "
                                  "record)"), classes="field-label wrapping")
            if self.target == "authorised":
                yield Label("Authoriser (required)", classes="field-label")
                yield Input(id="authoriser", placeholder="name of the person authorising")
                needed = self.detail["required_approver"]["id"]
                yield Label("Authoriser level", classes="field-label")
                yield Select(self._approvers(), value=needed, allow_blank=False, id="level")
                yield Label(words("s.26 reference (needed when serving officers deliver)"),
                            classes="field-label")
                yield Input(id="s26")
            yield Label("Note (optional)",
                        classes="field-label")
            yield Input(id="note")
            yield Label("By (required)", classes="field-label")
            yield Input(self.user, id="by")
            yield self.error_widget()
            with HorizontalGroup(classes="dialog-buttons"):
                yield Button("Advance", variant="primary", id="save")
                yield Button("Cancel", id="cancel")
            yield Label(Text("Ctrl+S saves · Esc cancels"), classes="dialog-hint")

    def _approvers(self) -> list[tuple[str, str]]:
        return [(title, ident) for ident, title in self.choices["approvers"]]

    def _needs(self) -> Text:
        text = Text()
        problems = self.step.get("problems") or []
        if problems:
            text.append("Standing in the way now:\n", style="bold")
        for problem in problems:
            text.append("✗ ", style="red")
            text.append(f"{app_message(problem)}\n")
        if not problems:
            text.append("✓ nothing stands in the way of this step\n", style="green")
        return text

    def on_mount(self) -> None:
        super().on_mount()
        self.query(Input).first().focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def _value(self, widget_id: str) -> str | None:
        found = self.query(f"#{widget_id}")
        if not found:
            return None
        widget = found.first()
        value = widget.value if isinstance(widget, Input | Select) else None
        text = "" if value is None or value is Select.NULL else str(value)
        return text.strip() or None

    def action_save(self) -> None:
        from catalogue.core.requests.guards import StepInput
        from catalogue.core.requests.workflow import advance

        by = self._value("by")
        if not by:
            self.show_error("Say who is making the change (By).")
            return
        if self.target == "authorised" and not self._value("authoriser"):
            self.show_error("Name the authoriser.")
            return
        step = StepInput(note=self._value("note"), reference=self._value("reference"),
                         authoriser=self._value("authoriser"),
                         authoriser_level=self._value("level"),
                         s26_reference=self._value("s26"))
        self.submit(advance, self.request["id"], by=by, to=self.target,
                    expected_state=self.request["state"], step=step)


class ReasonDialog(FormDialog[Any]):
    """A step that needs a reason and who is making it (decline, withdraw, reset)."""

    def __init__(self, dialog_id: str, request: dict[str, Any], user: str) -> None:
        super().__init__(id=dialog_id)
        self.request = request
        self.user = user

    def heading(self, verb: str) -> ComposeResult:
        r = self.request
        yield Label(Text(f"{verb} request {r['id']} ({r['state_label']})"),
                    classes="dialog-title")
        yield Label(shown_text(Text(r["requesting_body"])), classes="dialog-subtitle")

    def reason_field(self) -> ComposeResult:
        yield Label("Reason (required)", classes="field-label")
        yield Input(id="reason", placeholder="why, for the audit trail")

    def closing(self, verb: str) -> ComposeResult:
        """"By", the error line, the buttons and the key hint."""
        yield Label("By (required)", classes="field-label")
        yield Input(self.user, id="by")
        yield self.error_widget()
        with HorizontalGroup(classes="dialog-buttons"):
            yield Button(verb, variant="error", id="save")
            yield Button("Cancel", id="cancel")
        yield Label(Text("Ctrl+S saves · Esc cancels"), classes="dialog-hint")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#reason", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def reason_and_by(self) -> tuple[str, str] | None:
        """Both values, or None after showing what is missing."""
        reason = self.query_one("#reason", Input).value.strip()
        by = self.query_one("#by", Input).value.strip()
        if not reason:
            self.show_error("Give a reason: it goes into the audit trail.")
            return None
        if not by:
            self.show_error("Say who is making the change (By).")
            return None
        return reason, by


class ExitDialog(ReasonDialog):
    """Decline (optionally naming the policy's decline reason) or withdraw, with a reason."""

    def __init__(self, kind: str, request: dict[str, Any], choices: dict[str, Any],
                 user: str) -> None:
        super().__init__(kind, request, user)
        self.kind = kind
        self.choices = choices

    def compose(self) -> ComposeResult:
        verb = "Decline" if self.kind == "decline" else "Withdraw"
        with VerticalGroup(classes="dialog form"):
            yield from self.heading(verb)
            yield from self.reason_field()
            if self.kind == "decline":
                yield Label("Policy reason (optional)", classes="field-label")
                yield Select([(spell_out(title), ident)  # JIPH spelled out in the choice
                              for ident, title in self.choices["decline_reasons"]],
                             prompt="(none)", id="signal")
            yield from self.closing(verb)

    def action_save(self) -> None:
        from catalogue.core.requests.workflow import decline, withdraw

        given = self.reason_and_by()
        if given is None:
            return
        reason, by = given
        if self.kind == "decline":
            signal = self.query_one("#signal", Select).value
            self.submit(decline, self.request["id"], by=by, reason=reason,
                        signal=None if signal is Select.NULL else str(signal),
                        expected_state=self.request["state"])
        else:
            self.submit(withdraw, self.request["id"], by=by, reason=reason,
                        expected_state=self.request["state"])


class ResetDialog(ReasonDialog):
    """Send a request back to an earlier state (undoing the approvals after it), with a reason."""

    def __init__(self, request: dict[str, Any], user: str) -> None:
        super().__init__("reset", request, user)

    def earlier_states(self) -> list[str]:
        """The forward states before the request's current one, in order."""
        return list(FORWARD[:position(self.request["state"])])

    def compose(self) -> ComposeResult:
        earlier = self.earlier_states()
        with VerticalGroup(classes="dialog form"):
            yield from self.heading("Reset")
            yield Label("Back to (the approvals after it are undone)", classes="field-label")
            yield Select([(spell_out(LABELS[s]), s) for s in earlier], value=earlier[-1],
                         allow_blank=False, id="to")  # each choice read on its own
            yield from self.reason_field()
            yield from self.closing("Reset")

    def action_save(self) -> None:
        from catalogue.core.requests.workflow import reset

        given = self.reason_and_by()
        if given is None:
            return
        reason, by = given
        to = self.query_one("#to", Select).value
        self.submit(reset, self.request["id"], to=str(to), by=by, reason=reason,
                    expected_state=self.request["state"])
