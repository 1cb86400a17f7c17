"""The builder's programme fields. A field is saved when Enter is pressed or focus leaves it.

The form knows nothing about validation: it posts :class:`ProgrammeForm.FieldChanged` with
the raw text and the screen hands it to the core (``update_programme``). The screen passes
each offered text's outcome back to :meth:`ProgrammeForm.load`: a refused text is replaced by
the stored value (nothing was stored), and the line under the form says what was refused and
why (the latest refusal only, until that field is saved). A field whose text is still on its
way to the core, or that the user is typing in, is not overwritten by the stored value.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Grid
from textual.message import Message
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Select, Static

from catalogue.tui.shown import shown_text

TEXT_FIELDS = ("title", "country", "start_date", "cohort_size", "trainers")
FIELD_LABELS = {"title": "Title", "country": "Country", "delivery_mode": "Delivery",
                "start_date": "Starts", "audience_level": "Audience", "cohort_size": "Cohort",
                "trainers": "Trainers"}


def stored_values(programme: dict[str, Any]) -> dict[str, str]:
    """The outline's programme fields as the texts the form shows."""
    country = programme.get("country")
    level = programme.get("audience_level")
    return {
        "title": programme.get("title") or "",
        "country": country["name"] if isinstance(country, dict) else str(country or ""),
        "delivery_mode": programme.get("delivery_mode") or "in-country",
        "start_date": programme.get("start_date") or "",
        "audience_level": level["id"] if isinstance(level, dict) else (level or ""),
        "cohort_size": "" if programme.get("cohort_size") is None else str(programme["cohort_size"]),
        "trainers": "" if programme.get("trainers") is None else str(programme["trainers"]),
    }


class ProgrammeForm(Grid):
    """Title, country (with completion), delivery, start date, audience, cohort, trainers."""

    DEFAULT_CSS = """
    ProgrammeForm {
        grid-size: 6;
        grid-columns: auto 1fr auto 1fr auto 1fr;
        grid-gutter: 0 1;
        height: auto;
        padding: 0 1;
    }
    ProgrammeForm > Label { padding-top: 0; color: $text-muted; }
    ProgrammeForm > #title { column-span: 5; }
    ProgrammeForm > Input { background: $boost; }
    ProgrammeForm > Input:focus { background: $accent 25%; }
    ProgrammeForm > Select:focus > SelectCurrent { background: $accent 25%; }
    ProgrammeForm > #form-refusal { column-span: 6; color: $text-error; display: none; }
    ProgrammeForm > #form-refusal.-shown { display: block; }
    """

    class FieldChanged(Message):
        def __init__(self, name: str, value: str) -> None:
            super().__init__()
            self.name = name
            self.value = value

    def __init__(self, choices: dict[str, Any], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.choices = choices
        self.stored: dict[str, str] = {}
        #: How many offered texts of each field the core has not answered yet.
        self.pending: dict[str, int] = {}
        #: Each text field's value as the form last put it or offered it: a field whose value
        #: differs is being typed in, and a reload leaves it alone.
        self.known: dict[str, str] = {}
        #: The latest refusal: (field, what the line under the form says).
        self.refusal: tuple[str, str] | None = None

    def compose(self) -> ComposeResult:
        from catalogue.tui.dialogs.new_programme import country_suggestions
        from catalogue.tui.widgets.completing_input import CompletingInput

        yield Label("Title")
        yield Input(id="title", compact=True, max_length=200)
        yield Label("Country")
        yield CompletingInput(id="country", compact=True, placeholder="name or code",
                    suggester=SuggestFromList(country_suggestions(self.choices["countries"]),
                                              case_sensitive=False))
        yield Label("Delivery")
        yield Select([(m, m) for m in self.choices["modes"]], allow_blank=False,
                     value="in-country", compact=True, id="delivery_mode")
        yield Label("Starts")
        yield Input(id="start_date", compact=True, placeholder="YYYY-MM-DD")
        yield Label("Audience")
        yield Select([(level["name"], level["id"]) for level in self.choices["levels"]],
                     prompt="(any level)", compact=True, id="audience_level")
        yield Label("Cohort")
        yield Input(id="cohort_size", compact=True, placeholder="people", type="integer")
        yield Label("Trainers")
        yield Input(id="trainers", compact=True, placeholder="for costing", type="integer")
        yield Static("", id="form-refusal")

    def load(self, programme: dict[str, Any],
             outcomes: Sequence[tuple[str, str, str | None]] = ()) -> None:
        """Show the stored values (without posting changes), except in a field whose text is
        on its way to the core or that the user is still editing. ``outcomes``: what became
        of texts offered, in order: (field, text, None if saved else the refusal's message).
        A refused text is not kept: the stored value comes back, and the line under the form
        says what was refused and why (the latest refusal only, until that field is saved)."""
        self.stored = stored_values(programme)
        for name, text, message in outcomes:
            if self.pending.get(name, 0) > 1:
                self.pending[name] -= 1
            else:
                self.pending.pop(name, None)
            if message is not None:
                label = FIELD_LABELS.get(name, name)
                self.refusal = (name, f"{label} {text!r} not saved: {message} "
                                      "(the stored value is shown)")
            elif self.refusal is not None and self.refusal[0] == name:
                self.refusal = None
        with self.prevent(Input.Changed, Select.Changed):
            for name in TEXT_FIELDS:
                widget = self.query_one(f"#{name}", Input)
                if name in self.pending or widget.value != self.known.get(name, widget.value):
                    continue  # on its way to the core, or being typed: the user's keys stay
                if widget.value != self.stored[name]:
                    widget.value = self.stored[name]
                self.known[name] = self.stored[name]
            mode = self.query_one("#delivery_mode", Select)
            if mode.value != self.stored["delivery_mode"] and "delivery_mode" not in self.pending:
                mode.value = self.stored["delivery_mode"]
            level = self.query_one("#audience_level", Select)
            wanted = self.stored["audience_level"] or Select.NULL
            if level.value != wanted and "audience_level" not in self.pending:
                level.value = wanted
        self._show_refusal()

    def forget(self) -> None:
        """Drop the refusal shown and the texts unanswered (another programme is opened)."""
        self.pending.clear()
        self.known.clear()
        self.refusal = None
        self._show_refusal()

    def _show_refusal(self) -> None:
        """The line under the form: the latest refusal, else nothing. Focus is not moved:
        after Enter it is still in the field; keys typed after leaving it go where the user
        sent them."""
        line = self.query_one("#form-refusal", Static)
        line.set_class(self.refusal is not None, "-shown")
        line.update(shown_text(Text(self.refusal[1])) if self.refusal is not None else "")

    def _offer(self, name: str, value: str) -> None:
        if not self.stored:
            return
        self.known[name] = value
        if value.strip() == self.stored.get(name, "").strip():
            return
        self.pending[name] = self.pending.get(name, 0) + 1
        self.post_message(self.FieldChanged(name, value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id:
            self._offer(event.input.id, event.value)

    def on_input_blurred(self, event: Input.Blurred) -> None:
        if event.input.id:
            self._offer(event.input.id, event.value)

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if event.select.id:
            value = "" if event.value is Select.NULL else str(event.value)
            self._offer(event.select.id, value)
