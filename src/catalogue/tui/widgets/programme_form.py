"""The builder's programme fields. A field is saved when Enter is pressed or focus leaves it.

The form knows nothing about validation: it posts :class:`ProgrammeForm.FieldChanged` with
the raw text and the screen hands it to the core (``update_programme``). The screen passes
each offered text's outcome back to :meth:`ProgrammeForm.load`: a refused text stays in its
field, marked, with the core's message on the line under the form, until a valid value is
saved or the stored one typed again. A field whose text is still on its way
to the core is not overwritten by the stored value meanwhile.
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
    ProgrammeForm > Input.-refused { background: $error 30%; color: $text-error; }
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
        #: Each field whose text was refused and is still shown: (that text, the message).
        self.refused: dict[str, tuple[str, str]] = {}

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
        on its way to the core or was refused. ``outcomes``: what became of texts offered,
        in order: (field, text, None if saved else the refusal's message)."""
        self.stored = stored_values(programme)
        refused_now: str | None = None
        for name, text, message in outcomes:
            if self.pending.get(name, 0) > 1:
                self.pending[name] -= 1
            else:
                self.pending.pop(name, None)
            if message is None:
                self.refused.pop(name, None)
            elif name in TEXT_FIELDS and self.query_one(f"#{name}", Input).value == text:
                self.refused[name] = (text, message)
                refused_now = name
        with self.prevent(Input.Changed, Select.Changed):
            for name in TEXT_FIELDS:
                widget = self.query_one(f"#{name}", Input)
                widget.set_class(name in self.refused, "-refused")
                if name in self.pending or name in self.refused:
                    continue
                if widget.value != self.stored[name]:
                    widget.value = self.stored[name]
            mode = self.query_one("#delivery_mode", Select)
            if mode.value != self.stored["delivery_mode"] and "delivery_mode" not in self.pending:
                mode.value = self.stored["delivery_mode"]
            level = self.query_one("#audience_level", Select)
            wanted = self.stored["audience_level"] or Select.NULL
            if level.value != wanted and "audience_level" not in self.pending:
                level.value = wanted
        self._show_refusal(refused_now)

    def forget(self) -> None:
        """Drop the texts refused or unanswered (another programme is being opened)."""
        self.pending.clear()
        self.refused.clear()
        for name in TEXT_FIELDS:
            self.query_one(f"#{name}", Input).remove_class("-refused")
        self._show_refusal()

    def _show_refusal(self, latest: str | None = None) -> None:
        """The line under the form: the message of ``latest``'s refusal, else of any field
        still refused, else nothing. Focus is not moved: after Enter it is still in the
        refused field; keys typed after leaving it go where the user sent them."""
        line = self.query_one("#form-refusal", Static)
        name = latest if latest in self.refused else next(iter(self.refused), None)
        line.set_class(name is not None, "-shown")
        line.update(shown_text(Text(self.refused[name][1])) if name is not None else "")

    def _offer(self, name: str, value: str) -> None:
        if not self.stored:
            return
        if name in self.refused and value == self.refused[name][0]:
            return  # already refused: it stays marked, and leaving the field is allowed
        if value.strip() == self.stored.get(name, "").strip():
            if self.refused.pop(name, None) is not None:  # back to the stored value
                self.query_one(f"#{name}", Input).remove_class("-refused")
                self._show_refusal()
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
