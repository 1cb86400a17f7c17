"""The map screen: the world map shaded by a measure, its legend, and the country under the cursor.

Every picture is made in a worker (outlines, raster, shading) for the map's current size; the
UI thread only draws it. The highlight follows the explorer's selection when the screen is
shown; Enter or a click selects the country in the explorer.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.timer import Timer
from textual.widgets import Static

from catalogue.core.worldmap.picture import HIGHLIGHT, OUTSIDE, MapPicture, world_map
from catalogue.core.worldmap.shading import SHADES
from catalogue.tui.dialogs.choose import Choice, ChooseDialog
from catalogue.tui.screens.base import CatalogueScreen
from catalogue.tui.shown import shown_text
from catalogue.tui.widgets.key_footer import KeyFooter
from catalogue.tui.widgets.navbar import NavBar
from catalogue.tui.widgets.world_map import WorldMap
from catalogue.tui.workers import Loaded, deliver

#: Seconds to wait after the last resize before a new picture is asked for.
RESIZE_DELAY = 0.08
COUNTED = {"requests", "delivered"}


class MapDrawn(Loaded[MapPicture]):
    """The map drawn for the widget's size."""


class ChoicesLoaded(Loaded[tuple[str, list[Choice]]]):
    """The regions or disciplines to choose from: (kind, choices)."""


class MapScreen(CatalogueScreen):
    AUTO_FOCUS = "#world-map"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "pick_shade", "Shade", id="map.shade",
                tooltip="What colours the countries (assisted, region, requests, ...)"),
        Binding("r", "pick_region", "Zoom", id="map.zoom",
                tooltip="Zoom to a UN region, sub-region or liaison area"),
        Binding("w", "world", "World", id="map.world", tooltip="Show the whole world"),
        Binding("d", "pick_discipline", "Discipline", id="map.discipline",
                tooltip="Count only requests in one discipline (requests and delivered shades)"),
        Binding("y", "pick_period", "Period", id="map.period",
                tooltip="Count only requests received (or delivered) in the last 1, 3 or 5 years"),
    ]

    def __init__(self) -> None:
        super().__init__(id="map")
        self.shade = "assisted"
        self.zoom: str | None = None
        self.counted_discipline: str | None = None
        self.years: int | None = None  # count only the last N years (requests, delivered)
        self._map_size: tuple[int, int] | None = None
        self._resize_timer: Timer | None = None
        self.picture: MapPicture | None = None

    def compose(self) -> ComposeResult:
        yield NavBar("map")
        with Vertical(id="map-body"):
            yield WorldMap(id="world-map")
            with Horizontal(id="map-side", classes="pane") as side:
                side.border_title = "Legend"
                with VerticalScroll(id="map-legend-scroll"):
                    yield Static(Text("Drawing the map…", style="dim"), id="map-legend")
                yield Static("", id="map-country")
        yield KeyFooter(compact=True)

    def on_screen_resume(self) -> None:
        """Follow the explorer's selection."""
        from catalogue.tui.screens.explorer import ExplorerScreen

        for screen in self.app.get_screen_stack("explorer"):  # the explorer's mode
            if not isinstance(screen, ExplorerScreen):
                continue
            shown = screen.detail_key  # the country whose card it shows, else its table row
            row = screen.current_country()
            code = shown[1] if shown and shown[0] == "country" else row["code"] if row else None
            if code:
                self.query_one(WorldMap).set_highlight(code)
                self._show_country()

    # ---------------------------------------------------------------- workers

    def reload(self) -> None:
        if self._map_size is not None:
            since = None
            if self.years:
                today = date.today()
                since = today.replace(year=today.year - self.years, day=min(today.day, 28))
            self.load_map(self.shade, self.zoom, self.counted_discipline, since,
                          *self._map_size)

    @work(thread=True, exclusive=True, exit_on_error=False, group="map")
    def load_map(self, shading: str, region: str | None, discipline: str | None,
                 since: date | None, width: int, height: int) -> None:
        deliver(self, MapDrawn(self.backend.call(world_map, shading=shading, region=region,
                                                 width=width, height=height,
                                                 discipline=discipline, since=since)))

    @on(MapDrawn)
    def show_map(self, message: MapDrawn) -> None:
        picture = message.result
        self.picture = picture
        self.query_one(WorldMap).show(picture)
        self.query_one("#map-legend", Static).update(legend_text(picture))
        self._show_country()
        self.catalogue.screen_ready(self)

    @work(thread=True, exclusive=True, exit_on_error=False, group="choices")
    def load_choices(self, kind: str) -> None:
        deliver(self, ChoicesLoaded(self._choices(kind)))

    def _choices(self, kind: str) -> tuple[str, list[Choice]]:
        from catalogue.core.catalog import list_disciplines
        from catalogue.core.worldmap.regions import region_names

        if kind == "region":
            names = self.backend.call(region_names)
            return kind, [Choice(n, n, current=n == self.zoom) for n in names]
        rows = self.backend.call(list_disciplines)
        return kind, [Choice(d["id"], d["title"], current=d["id"] == self.counted_discipline)
                      for d in rows]

    @on(ChoicesLoaded)
    def show_choices(self, message: ChoicesLoaded) -> None:
        kind, choices = message.result

        def chosen(value: str | None) -> None:
            if value is None:
                return
            if kind == "region":
                self.zoom = value or None
            else:
                self.counted_discipline = value or None
                if self.counted_discipline and self.shade not in COUNTED:
                    self.shade = "delivered"
            self.reload()

        title = "Zoom to a region" if kind == "region" else "Count requests in a discipline"
        self.app.push_screen(ChooseDialog(title, choices, allow_any="The whole world"
                                          if kind == "region" else "Every discipline"), chosen)

    # ---------------------------------------------------------------- events

    @on(WorldMap.Resized)
    def map_resized(self, event: WorldMap.Resized) -> None:
        self._map_size = (event.width, event.height)
        if self._resize_timer is not None:
            self._resize_timer.stop()
        if self.picture is None:
            self.reload()  # the first picture at once; later sizes once resizing stops
        else:
            self._resize_timer = self.set_timer(RESIZE_DELAY, self.reload)

    @on(WorldMap.Highlighted)
    def map_highlighted(self) -> None:
        self._show_country()

    @on(WorldMap.Selected)
    def map_selected(self, event: WorldMap.Selected) -> None:
        if self.picture is not None and event.code in self.picture.names:
            self.catalogue.show_in_explorer("country", event.code)

    def _show_country(self) -> None:
        code = self.query_one(WorldMap).highlight
        text = Text()
        if code and self.picture is not None:
            text.append("■ ", style=HIGHLIGHT)
            text.append(self.picture.describe(code))
            text.append("\nEnter: show in the explorer", style="dim")
        self.query_one("#map-country", Static).update(shown_text(text))

    # ---------------------------------------------------------------- actions

    def action_pick_shade(self) -> None:
        choices = [Choice(k, label, current=k == self.shade) for k, label in SHADES.items()]

        def chosen(value: str | None) -> None:
            if value:
                self.shade = value
                if value not in COUNTED:
                    self.counted_discipline = None
                    self.years = None
                self.reload()

        self.app.push_screen(ChooseDialog("Shade countries by", choices), chosen)

    def action_pick_region(self) -> None:
        self.load_choices("region")

    def action_pick_discipline(self) -> None:
        self.load_choices("discipline")

    def action_pick_period(self) -> None:
        choices = [Choice(str(n), f"The last {n} year{'s' if n > 1 else ''}",
                          current=n == self.years) for n in (1, 3, 5)]

        def chosen(value: str | None) -> None:
            if value is None:
                return
            self.years = int(value) if value else None
            if self.years and self.shade not in COUNTED:
                self.shade = "delivered"
            self.reload()

        self.app.push_screen(ChooseDialog("Count requests received (delivered) in", choices,
                                          allow_any="Any time"), chosen)

    def action_world(self) -> None:
        self.zoom = None
        self.reload()


def legend_text(picture: MapPicture) -> Text:
    """The legend: title, a swatch and count per category, then the notes (with dates)."""
    shading = picture.shading
    text = Text(f"{shading.title}", style="bold")
    text.append(f" — {picture.region.name}\n", style="italic")
    for category in shading.categories:
        text.append("██ ", style=category.colour)
        text.append(f"{category.label} ")
        text.append(f"({category.count})\n", style="dim")
    if picture.region.codes is not None:
        text.append("██ ", style=OUTSIDE)
        text.append(f"outside {picture.region.name}\n")
    for note in shading.notes:
        text.append(f"{note}\n", style="dim")
    return text
