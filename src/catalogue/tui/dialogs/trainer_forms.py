"""The roster's dialogs: add a trainer, record an accreditation or unavailable dates, assign
to a programme. Each saves through the same core function as the CLI; a refusal is shown in
the dialog, which stays open with what was typed."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import HorizontalGroup, VerticalGroup
from textual.widgets import Button, Input, Label, Select

from catalogue.core.trainers.schema import KINDS
from catalogue.tui.dialogs.form import FormDialog


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


class _TrainerForm(FormDialog[Any]):
    """A titled form of labelled inputs with Save and Cancel."""

    SAVE = "Save"

    def __init__(self, user: str, heading: str, *, id: str) -> None:
        super().__init__(id=id)
        self.user = user
        self.heading = heading

    def fields(self) -> ComposeResult:
        raise NotImplementedError
        yield  # pragma: no cover

    def compose(self) -> ComposeResult:
        with VerticalGroup(classes="dialog form"):
            yield Label(Text(self.heading), classes="dialog-title")
            yield from self.fields()
            yield self.error_widget()
            with HorizontalGroup(classes="dialog-buttons"):
                yield Button(self.SAVE, variant="primary", id="save")
                yield Button("Cancel", id="cancel")
            yield Label(Text("Ctrl+S saves · Esc cancels"), classes="dialog-hint")

    def on_mount(self) -> None:
        super().on_mount()
        self.query(Input).first().focus()

    def value(self, ident: str) -> str:
        return self.query_one(f"#{ident}", Input).value

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()


class NewTrainerDialog(_TrainerForm):
    """Returns the new trainer's id."""

    SAVE = "Add"

    def __init__(self, user: str) -> None:
        super().__init__(user, "New trainer", id="new-trainer")

    def fields(self) -> ComposeResult:
        yield Label("Name", classes="field-label")
        yield Input(placeholder="e.g. A. Okafor", id="name", max_length=120)
        yield Label("Kind", classes="field-label")
        yield Select([(k.replace("-", " "), k) for k in KINDS], value="staff",
                     allow_blank=False, id="kind")
        yield Label("Force (serving officers only)", classes="field-label")
        yield Input(placeholder="e.g. Kent Police", id="force")
        yield Label("Languages (commas between)", classes="field-label")
        yield Input(placeholder="e.g. French, Swahili", id="languages")
        yield Label("Disciplines they may deliver (ids, commas between)", classes="field-label")
        yield Input(placeholder="e.g. command, investigation", id="disciplines")

    def action_save(self) -> None:
        from catalogue.core.trainers.roster import add_trainer

        kind = self.query_one("#kind", Select).value
        self.submit(add_trainer, self.value("name"), str(kind), by=self.user,
                    force=self.value("force") or None, languages=_split(self.value("languages")),
                    disciplines=_split(self.value("disciplines")))


class AccreditDialog(_TrainerForm):
    """Returns the recorded Subject."""

    def __init__(self, user: str, trainer_id: int, name: str) -> None:
        super().__init__(user, f"Accreditation for {name}", id="accredit")
        self.trainer_id = trainer_id

    def fields(self) -> ComposeResult:
        yield Label("Discipline or module", classes="field-label")
        yield Select([("discipline", "discipline"), ("module", "module")], value="discipline",
                     allow_blank=False, id="subject-kind")
        yield Label("Its id or title", classes="field-label")
        yield Input(placeholder="e.g. command or inv-peace-interviewing", id="subject")
        yield Label("Accredited on and expires (YYYY-MM-DD; expiry may be empty)",
                    classes="field-label")
        with HorizontalGroup():
            yield Input(placeholder="accredited on", id="on")
            yield Input(placeholder="expires", id="expires")
        yield Label("Reference (certificate)", classes="field-label")
        yield Input(id="reference")

    def action_save(self) -> None:
        from catalogue.core.trainers.roster import accredit

        kind = str(self.query_one("#subject-kind", Select).value)
        self.submit(accredit, self.trainer_id, kind, self.value("subject"), by=self.user,
                    accredited_on=self.value("on"), expires_on=self.value("expires") or None,
                    reference=self.value("reference") or None)


class UnavailableDialog(_TrainerForm):
    """Returns the recorded Unavailable period."""

    def __init__(self, user: str, trainer_id: int, name: str) -> None:
        super().__init__(user, f"Dates {name} is unavailable", id="unavailable")
        self.trainer_id = trainer_id

    def fields(self) -> ComposeResult:
        yield Label("First and last day (YYYY-MM-DD)", classes="field-label")
        with HorizontalGroup():
            yield Input(placeholder="from", id="from")
            yield Input(placeholder="to", id="to")
        yield Label("Reason (never in public material)", classes="field-label")
        yield Input(id="reason")

    def action_save(self) -> None:
        from catalogue.core.trainers.roster import set_unavailable

        self.submit(set_unavailable, self.trainer_id, self.value("from"), self.value("to"),
                    by=self.user, reason=self.value("reason") or None)


class AssignDialog(_TrainerForm):
    """Returns the TeamMember (with its warnings)."""

    SAVE = "Assign"

    def __init__(self, user: str, trainer_id: int, name: str) -> None:
        super().__init__(user, f"Assign {name} to a programme", id="assign")
        self.trainer_id = trainer_id

    def fields(self) -> ComposeResult:
        yield Label("Programme number", classes="field-label")
        yield Input(placeholder="e.g. 12", id="programme", type="integer")
        yield Label("Role", classes="field-label")
        yield Select([("trainer", "trainer"), ("lead", "lead")], value="trainer",
                     allow_blank=False, id="role")

    def action_save(self) -> None:
        from catalogue.core.errors import InvalidInputError
        from catalogue.core.trainers.assignments import assign

        text = self.value("programme").strip()
        if not text.isdigit() or len(text) > 12:
            self.show_error(str(InvalidInputError("give the programme's number")))
            return
        self.submit(assign, self.trainer_id, int(text), by=self.user,
                    role=str(self.query_one("#role", Select).value))
