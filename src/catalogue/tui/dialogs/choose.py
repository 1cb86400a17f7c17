"""A small modal list: pick one value (with counts). Returns the value, "" for "any", or None."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalGroup
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from catalogue.tui.shown import shown_text

ANY = ""


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    count: int | None = None
    current: bool = False


class ChooseDialog(ModalScreen[str | None]):
    """``push_screen(ChooseDialog(title, choices), callback)``: the callback gets the value."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel",
                tooltip="Close the dialog without changing anything"),
    ]

    def __init__(self, title: str, choices: list[Choice], *, allow_any: str | None = None,
                 id: str | None = None) -> None:
        super().__init__(id=id, classes="dialog-screen")
        self.title_text = title
        self.choices = choices
        self.allow_any = allow_any

    def compose(self) -> ComposeResult:
        width = max((len(c.label) for c in self.choices), default=10)
        options: list[Option] = []
        if self.allow_any is not None:
            options.append(Option(Text(self.allow_any, style="italic"), id="\0any"))
        for choice in self.choices:
            label = Text("● " if choice.current else "  ", style="bold")
            label.append(choice.label.ljust(width))
            if choice.count is not None:
                label.append(f"  {choice.count:>4}", style="dim")
            options.append(Option(shown_text(label), id=choice.value))
        with VerticalGroup(classes="dialog"):
            yield Label(shown_text(Text(self.title_text)), classes="dialog-title")
            yield OptionList(*options, id="choices")
            yield Label(Text("Enter chooses · Esc cancels"), classes="dialog-hint")

    def on_mount(self) -> None:
        option_list = self.query_one(OptionList)
        current = next((i for i, c in enumerate(self.choices) if c.current), None)
        if current is not None:
            option_list.highlighted = current + (1 if self.allow_any is not None else 0)
        else:
            option_list.highlighted = 0
        option_list.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id
        self.dismiss(ANY if option_id == "\0any" else option_id)

    def action_cancel(self) -> None:
        self.dismiss(None)
