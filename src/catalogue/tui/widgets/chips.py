"""Removable filter chips: one small button per active filter; click or Enter removes it."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.containers import HorizontalGroup
from textual.message import Message
from textual.widgets import Button, Label


@dataclass(frozen=True)
class Chip:
    key: str  # what to remove: a facet name, "search", "assisted", "priority"
    label: str
    value: str


class ChipButton(Button):
    def __init__(self, chip: Chip) -> None:
        text = Text(f"{chip.label}: ", style="dim")
        text.append(chip.value)
        text.append(" ✕")
        super().__init__(text, classes="chip", compact=True)
        self.chip = chip
        self.tooltip = f"Remove the {chip.label.lower()} filter"


class FilterChips(HorizontalGroup):
    """Shows the active filters; posts :class:`FilterChips.Removed` when one is clicked."""

    DEFAULT_CSS = """
    FilterChips { height: 1; width: 1fr; }
    FilterChips > .chip { margin-right: 1; min-width: 0; }
    FilterChips > #chips-empty { color: $text-muted; }
    """

    class Removed(Message):
        def __init__(self, chip: Chip) -> None:
            super().__init__()
            self.chip = chip

    def set_chips(self, chips: list[Chip]) -> None:
        self.remove_children()
        if not chips:
            self.mount(Label("No filters: every country", id="chips-empty"))
            return
        self.mount_all([ChipButton(chip) for chip in chips])

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if isinstance(event.button, ChipButton):
            event.stop()
            self.post_message(self.Removed(event.button.chip))
