"""Ask for one value (e.g. a module's hours); returns the text typed, or None if cancelled."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalGroup
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from catalogue.tui.shown import shown_text


class PromptDialog(ModalScreen[str | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel",
                tooltip="Close the dialog without changing anything"),
    ]

    def __init__(self, title: str, label: str, *, value: str = "", placeholder: str = "",
                 hint: str = "Enter saves · Esc cancels") -> None:
        super().__init__(id="prompt", classes="dialog-screen")
        self.title_text, self.label, self.value = title, label, value
        self.placeholder, self.hint = placeholder, hint

    def compose(self) -> ComposeResult:
        with VerticalGroup(classes="dialog form"):
            yield Label(shown_text(Text(self.title_text)), classes="dialog-title")
            yield Label(shown_text(Text(self.label)), classes="field-label")
            yield Input(value=self.value, placeholder=self.placeholder, id="prompt-input")
            yield Label(Text(self.hint), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
