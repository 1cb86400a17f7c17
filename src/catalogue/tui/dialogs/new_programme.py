"""Start a programme: title, country (with completion), delivery mode and, as the CLI's
``--template``, a discipline whose standard modules it starts with; returns its id."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import HorizontalGroup, VerticalGroup
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Select

from catalogue.tui.dialogs.form import FormDialog
from catalogue.tui.widgets.completing_input import CompletingInput

NO_TEMPLATE = "-"
NO_TEMPLATE_LABEL = "No modules yet"


def country_suggestions(countries: list[dict[str, Any]]) -> list[str]:
    """Names offered by the country completer: common names, then listed-as names."""
    names = [c["name"] for c in countries]
    names += [c["listed_as"] for c in countries if c["listed_as"] and c["listed_as"] not in names]
    return names


class NewProgrammeDialog(FormDialog[int | None]):
    """``push_screen(NewProgrammeDialog(choices, country="Kenya"), callback)``."""

    def __init__(self, choices: dict[str, Any], *, country: str | None = None,
                 from_discipline: str | None = None) -> None:
        super().__init__(id="new-programme")
        self.choices = choices
        self.country = country
        self.from_discipline = from_discipline

    def compose(self) -> ComposeResult:
        modes = [(mode, mode) for mode in self.choices["modes"]]
        with VerticalGroup(classes="dialog form"):
            yield Label(Text("New programme"), classes="dialog-title")
            yield Label("Title (with a template, empty gives the template's)",
                        classes="field-label")
            yield Input(placeholder="e.g. Investigative interviewing for the DCI",
                        id="title", max_length=200)
            yield Label("Country (Tab or → completes)", classes="field-label")
            yield CompletingInput(value=self.country or "", placeholder="name, alias or code",
                        suggester=SuggestFromList(country_suggestions(self.choices["countries"]),
                                                  case_sensitive=False), id="country")
            yield Label("Delivery", classes="field-label")
            yield Select(modes, value="in-country", allow_blank=False, id="mode")
            yield Label("Start with", classes="field-label")
            templates = [(f"{t['title']}: its {t['modules']} standard modules", t["id"])
                         for t in self.choices.get("templates", [])]
            yield Select([(NO_TEMPLATE_LABEL, NO_TEMPLATE), *templates],
                         value=self.from_discipline or NO_TEMPLATE, allow_blank=False,
                         id="template")
            yield self.error_widget()
            with HorizontalGroup(classes="dialog-buttons"):
                yield Button("Create", variant="primary", id="save")
                yield Button("Cancel", id="cancel")
            yield Label(Text("Ctrl+S creates · Esc cancels"), classes="dialog-hint")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#title", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "title":
            self.query_one("#country", Input).focus()
        else:
            self.action_save()

    def action_save(self) -> None:
        from catalogue.core.programmes.changes import create_programme
        from catalogue.core.programmes.templates import create_from_template

        raw = {"title": self.query_one("#title", Input).value,
               "country": self.query_one("#country", Input).value,
               "delivery_mode": str(self.query_one("#mode", Select).value)}
        template = str(self.query_one("#template", Select).value)
        if template == NO_TEMPLATE:
            self.submit(create_programme, raw)
        else:
            if not raw["title"].strip():
                del raw["title"]  # the template's own: "<discipline> programme"
            self.submit(create_from_template, template, raw)
