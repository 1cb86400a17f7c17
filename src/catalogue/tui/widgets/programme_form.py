"""The builder's programme fields. A field is saved when Enter is pressed or focus leaves it.

The form knows nothing about validation: it posts :class:`ProgrammeForm.FieldChanged` with
the raw text and the screen hands it to the core (``update_programme``), whose message is
shown if the value is refused (the form then shows the stored value again).
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Grid
from textual.message import Message
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Select

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

    def load(self, programme: dict[str, Any]) -> None:
        """Show the stored values (without posting changes)."""
        self.stored = stored_values(programme)
        with self.prevent(Input.Changed, Select.Changed):
            for name in TEXT_FIELDS:
                widget = self.query_one(f"#{name}", Input)
                if widget.value != self.stored[name]:
                    widget.value = self.stored[name]
            mode = self.query_one("#delivery_mode", Select)
            if mode.value != self.stored["delivery_mode"]:
                mode.value = self.stored["delivery_mode"]
            level = self.query_one("#audience_level", Select)
            wanted = self.stored["audience_level"] or Select.NULL
            if level.value != wanted:
                level.value = wanted

    def _offer(self, name: str, value: str) -> None:
        if self.stored and value.strip() != self.stored.get(name, "").strip():
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
