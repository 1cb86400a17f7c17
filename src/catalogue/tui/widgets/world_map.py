"""The world map widget: draws a MapPicture (made in a worker) two pixels to a cell.

The widget does no map work of its own: it turns the picture's colour runs into strips once per
picture, and redraws only the rows of the highlighted country when the highlight moves. Its
size changes are posted so the screen can ask for a picture that fits.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from catalogue.core.worldmap.picture import SEA, MapPicture, Run


class WorldMap(Widget, can_focus=True):
    """Arrow keys move the highlight to the nearest country that way; Enter or a click selects."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "step(-1, 0)", "West", id="map.west", show=False,
                tooltip="Highlight the nearest country to the west"),
        Binding("right", "step(1, 0)", "East", id="map.east", show=False,
                tooltip="Highlight the nearest country to the east"),
        Binding("up", "step(0, -1)", "North", id="map.north", show=False,
                tooltip="Highlight the nearest country to the north"),
        Binding("down", "step(0, 1)", "South", id="map.south", show=False,
                tooltip="Highlight the nearest country to the south"),
        Binding("enter", "select", "Select", id="map.select",
                tooltip="Select the highlighted country (the explorer shows it)"),
    ]

    class Resized(Message):
        def __init__(self, width: int, height: int) -> None:
            super().__init__()
            self.width, self.height = width, height

    class Highlighted(Message):
        def __init__(self, code: str | None) -> None:
            super().__init__()
            self.code = code

    class Selected(Message):
        def __init__(self, code: str) -> None:
            super().__init__()
            self.code = code

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.picture: MapPicture | None = None
        self.highlight: str | None = None
        self._strips: list[Strip] = []
        self._styles: dict[tuple[str, str], Style] = {}
        self._changed: dict[int, Strip] = {}

    def show(self, picture: MapPicture) -> None:
        """Draw ``picture`` (and the current highlight on it)."""
        self.picture = picture
        self._strips = [self._strip(runs) for runs in picture.lines]
        self._highlight_rows()
        self.refresh()

    def set_highlight(self, code: str | None, *, announce: bool = False) -> None:
        if code == self.highlight:
            return
        self.highlight = code
        self._highlight_rows()
        self.refresh()
        if announce:
            self.post_message(self.Highlighted(code))

    def render_line(self, y: int) -> Strip:
        strip = self._changed.get(y) or (self._strips[y] if y < len(self._strips) else None)
        if strip is None:
            return Strip.blank(self.size.width)
        return strip.crop_extend(0, self.size.width, None)

    # ---------------------------------------------------------------- drawing

    def _highlight_rows(self) -> None:
        picture = self.picture
        rows = picture.lines_highlighting(self.highlight) if picture else {}
        self._changed = {y: self._strip(runs) for y, runs in rows.items()}

    def _strip(self, runs: tuple[Run, ...]) -> Strip:
        segments = []
        for count, top, bottom in runs:
            if top == SEA and bottom == SEA:
                segments.append(Segment(" " * count))
                continue
            char = "█" if top == bottom else "▄" if top == SEA else "▀"
            segments.append(Segment(char * count, self._style(top, bottom)))
        return Strip(segments, sum(r[0] for r in runs))

    def _style(self, top: str, bottom: str) -> Style:
        style = self._styles.get((top, bottom))
        if style is None:
            if top == SEA:
                style = Style(color=bottom)
            elif bottom in (SEA, top):
                style = Style(color=top)
            else:
                style = Style(color=top, bgcolor=bottom)
            self._styles[(top, bottom)] = style
        return style

    # ---------------------------------------------------------------- events

    def on_resize(self, event: events.Resize) -> None:
        self.post_message(self.Resized(event.size.width, event.size.height))

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self.picture is not None:
            code = self.picture.country_at(event.x, event.y)
            if code:
                self.set_highlight(code, announce=True)

    def on_click(self, event: events.Click) -> None:
        if self.picture is not None:
            code = self.picture.country_at(event.x, event.y)
            if code:
                self.set_highlight(code, announce=True)
                self.post_message(self.Selected(code))

    def action_step(self, dx: int, dy: int) -> None:
        if self.picture is not None:
            self.set_highlight(self.picture.step(self.highlight, dx, dy), announce=True)

    def action_select(self) -> None:
        if self.highlight:
            self.post_message(self.Selected(self.highlight))
