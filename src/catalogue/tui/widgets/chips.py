"""Removable filter chips: one small button per active filter; click or Enter removes it.

The chips flow onto as many lines as they need, so every chip and its ✕ is on screen at any
width (a chip wider than the line is shortened with an ellipsis)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.containers import HorizontalGroup, VerticalGroup
from textual.message import Message
from textual.widgets import Button, Label

from catalogue.tui.shown import shown

#: A chip's cells beside its text: the button's padding (1 each side) and the gap after it.
CHIP_EXTRA = 3


@dataclass(frozen=True)
class Chip:
    key: str  # what to remove: a facet name, "search", "assisted", "priority"
    label: str
    value: str


def chip_text(chip: Chip, room: int | None = None) -> Text:
    """``Label: value ✕``, the value shortened (…) to fit ``room`` cells if given."""
    value = shown(chip.value)
    if room is not None:
        spare = room - cell_len(f"{chip.label}: ") - cell_len(" ✕")
        if cell_len(value) > spare:
            text = Text(value)
            text.truncate(max(1, spare), overflow="ellipsis")
            value = text.plain
    text = Text(f"{chip.label}: ", style="dim")
    text.append(value)
    text.append(" ✕")
    return text


class ChipButton(Button):
    def __init__(self, chip: Chip, room: int | None = None) -> None:
        super().__init__(chip_text(chip, room), classes="chip", compact=True)
        self.chip = chip
        self.tooltip = f"Remove the {chip.label.lower()} filter"


def flow(chips: list[Chip], width: int) -> list[list[Chip]]:
    """The chips in lines of at most ``width`` cells (at least one chip a line)."""
    lines: list[list[Chip]] = []
    used = width + 1
    for chip in chips:
        size = chip_text(chip).cell_len + CHIP_EXTRA
        if not lines or used + size > width + 1:  # (the last chip needs no gap)
            lines.append([])
            used = 0
        lines[-1].append(chip)
        used += size
    return lines


class FilterChips(VerticalGroup):
    """Shows the active filters; posts :class:`FilterChips.Removed` when one is clicked."""

    DEFAULT_CSS = """
    FilterChips { height: auto; width: 1fr; }
    FilterChips > .chip-line { height: 1; }
    FilterChips .chip { margin-right: 1; min-width: 0; }
    FilterChips > #chips-empty { color: $text-muted; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.chips: list[Chip] = []
        self._flowed_at = 0

    class Removed(Message):
        def __init__(self, chip: Chip) -> None:
            super().__init__()
            self.chip = chip

    def set_chips(self, chips: list[Chip]) -> None:
        self.chips = list(chips)
        self._flow()

    def _flow(self) -> None:
        width = self.size.width or self.app.size.width
        self._flowed_at = width
        room = max(8, width - CHIP_EXTRA + 1)
        lines = flow(self.chips, width)
        if self.chips and self._relabel(lines, room):
            return
        self.remove_children()
        if not self.chips:
            self.mount(Label("No filters: every country", id="chips-empty"))
            return
        self.mount_all([HorizontalGroup(*(ChipButton(chip, room) for chip in line),
                                        classes="chip-line")
                        for line in lines])

    def _relabel(self, lines: list[list[Chip]], room: int) -> bool:
        """Relabel the chips already mounted when they fall into lines as before (typing in
        the search changes one chip's text): no widgets made or removed, so a keystroke
        costs no new layout of the screen. False if the lines differ."""
        shown_lines = [list(line.query(ChipButton)) for line in self.query(".chip-line")]
        if [len(line) for line in shown_lines] != [len(line) for line in lines]:
            return False
        for buttons, chips in zip(shown_lines, lines, strict=True):
            for button, chip in zip(buttons, chips, strict=True):
                if button.chip != chip:
                    button.chip = chip
                    button.label = chip_text(chip, room)
                    button.tooltip = f"Remove the {chip.label.lower()} filter"
        return True

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width and event.size.width != self._flowed_at:
            self._flow()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if isinstance(event.button, ChipButton):
            event.stop()
            self.post_message(self.Removed(event.button.chip))
