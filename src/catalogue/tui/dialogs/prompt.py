"""Ask for one value (e.g. a module's hours); returns the text typed, or None if cancelled.

With ``check`` (the core's parser for the value, e.g. ``parse_hours``), a value it refuses
keeps the dialog open with the reason under the field, and what was typed stays to be
corrected, as in the board's dialogs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalGroup
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from catalogue.core.errors import CatalogueError
from catalogue.tui.field_words import app_message
from catalogue.tui.shown import shown_text


class PromptDialog(ModalScreen[str | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel",
                tooltip="Close the dialog without changing anything"),
    ]

    def __init__(self, title: str, label: str, *, value: str = "", placeholder: str = "",
                 hint: str = "Enter saves · Esc cancels",
                 check: Callable[[str], object] | None = None) -> None:
        super().__init__(id="prompt", classes="dialog-screen")
        self.title_text, self.label, self.value = title, label, value
        self.placeholder, self.hint, self.check = placeholder, hint, check

    def compose(self) -> ComposeResult:
        with VerticalGroup(classes="dialog form"):
            yield Label(shown_text(Text(self.title_text)), classes="dialog-title")
            yield Label(shown_text(Text(self.label)), classes="field-label")
            yield Input(value=self.value, placeholder=self.placeholder, id="prompt-input")
            error = Static("", classes="dialog-error", id="dialog-error")
            error.display = False
            yield error
            yield Label(Text(self.hint), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.check is not None:
            try:
                self.check(event.value)
            except CatalogueError as error:
                shown = self.query_one("#dialog-error", Static)
                text = Text("Refused: ", style="bold")
                text.append(app_message(error))
                shown.update(shown_text(text))
                shown.display = True
                return
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
