"""The home screen: disciplines beside a paged, filterable countries table and a detail pane.

This module composes the screen, lists its keys, loads the tree and the pages of countries
(the search box's words among the filters). Its bases: the detail pane
(:mod:`~catalogue.tui.screens.explorer_detail`), the filters and their chips
(:mod:`~catalogue.tui.screens.explorer_filters`), the discipline facet
(:mod:`~catalogue.tui.screens.explorer_facets`) and the movable split
(:mod:`~catalogue.tui.screens.split`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.timer import Timer
from textual.widgets import Input, Static

from catalogue.core import catalog_pages, country_pages
from catalogue.core.countries import DEFAULT_SORT, CountryFilter
from catalogue.core.facets import RequestFacets
from catalogue.tui.config import SEARCH_DELAY
from catalogue.tui.screens.explorer_detail import ExplorerDetail
from catalogue.tui.screens.explorer_facets import (
    DisciplineCounts,
    DisciplineFacets,
    FacetsLoaded,
)
from catalogue.tui.screens.explorer_filters import ExplorerFilters
from catalogue.tui.screens.split import SplitScreen
from catalogue.tui.widgets.chips import FilterChips
from catalogue.tui.widgets.detail_pane import DetailPane
from catalogue.tui.widgets.discipline_tree import LEGEND, DisciplineTree
from catalogue.tui.widgets.key_footer import KeyFooter
from catalogue.tui.widgets.navbar import NavBar
from catalogue.tui.widgets.paged_table import PagedTable
from catalogue.tui.widgets.tables import COUNTRY_COLUMNS
from catalogue.tui.workers import Loaded, deliver


class TreeLoaded(Loaded[list[catalog_pages.DisciplineNode]]):
    """The disciplines and their modules."""


class CountriesLoaded(Loaded[tuple[country_pages.CountryPage, str | None]]):
    """A page of countries, and the code of the row to keep the cursor on."""


class ExplorerScreen(ExplorerDetail, ExplorerFilters, SplitScreen, DisciplineFacets):
    """Filters combine (facets, assisted, HR priority, search words); all queries run in workers."""

    SPLIT_NAME = "explorer"
    SPLIT_PANE = "#disciplines-pane"

    AUTO_FOCUS = "#countries"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_search", "Search", id="explorer.search",
                tooltip="Search countries by name, alias or code as you type"),
        Binding("r", "pick('region')", "Region", id="explorer.filter-region",
                tooltip="Filter by UN region (with counts)"),
        Binding("s", "pick('subregion')", "Sub-region", id="explorer.filter-subregion",
                show=False, tooltip="Filter by UN sub-region (with counts)"),
        Binding("i", "pick('intermediate')", "Intermediate region",
                id="explorer.filter-intermediate", show=False,
                tooltip="Filter by UN intermediate region (with counts)"),
        Binding("l", "pick('area')", "Area", id="explorer.filter-area",
                tooltip="Filter by liaison area (with counts)"),
        Binding("a", "toggle_assisted", "Assisted/all", id="explorer.toggle-assisted",
                tooltip="Show only the countries assisted, or every country and territory"),
        Binding("p", "toggle_priority", "HR priority", id="explorer.toggle-priority",
                show=False, tooltip="Show only human-rights priority countries, or all"),
        Binding("d", "pick_discipline", "Discipline", id="explorer.facet-discipline",
                tooltip="Count requests in one discipline: beside each country (delivered · "
                        "open) and by region"),
        Binding("x", "clear_filters", "Clear", id="explorer.clear-filters",
                tooltip="Remove every filter (every country is listed)"),
        Binding("o", "sort", "Sort", id="explorer.sort",
                tooltip="Sort by a column; choosing the current column reverses it"),
        Binding("z", "zoom", "Zoom", id="explorer.zoom", show=False,
                tooltip="Fill the screen with the focused pane (again, or Esc, to restore)"),
        Binding("n", "new_programme", "New programme", id="explorer.new-programme",
                tooltip="Start a programme for the highlighted country"),
        Binding("escape", "back", "Back", id="explorer.back", show=False,
                tooltip="Back to the countries table"),
        Binding("c", "copy", "Copy", id="explorer.copy", show=False,
                tooltip="Copy the country's card as plain text to the clipboard (through "
                        "the terminal, so over SSH too)"),
    ]

    def __init__(self) -> None:
        super().__init__(id="explorer")
        self.flt = CountryFilter()
        self.sort = DEFAULT_SORT
        self.descending = False
        self.detail_key = None
        self._search_timer: Timer | None = None
        self._loaded: set[str] = set()
        self._keep_detail = False
        self.discipline = None  # (id, title) the counts are for
        self.facets: RequestFacets | None = None  # see DisciplineFacets

    def compose(self) -> ComposeResult:
        yield NavBar("explorer")
        with Horizontal(id="explorer-body"):
            with Vertical(id="disciplines-pane", classes="pane") as pane:
                pane.border_title = "Disciplines"
                pane.border_subtitle = LEGEND
                yield DisciplineTree(id="disciplines")
            with Vertical(id="main-pane"):
                yield Input(placeholder="Search countries: name, alias or code  (/)",
                            id="search", compact=True)
                yield FilterChips(id="chips")
                yield Static("", id="facet-counts")
                with Horizontal(id="results"):
                    table = PagedTable(COUNTRY_COLUMNS, id_key="code",
                                       page_size=self.config.page_size, id="countries",
                                       classes="pane")
                    table.border_title = "Countries"
                    yield table
                    with DetailPane(id="detail", classes="pane") as detail:
                        detail.border_title = "Detail"
                        yield Static(Text("Loading…", style="dim"), id="detail-body")
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        self.load_tree()
        self.reload()
        self._show_chips()

    # ---------------------------------------------------------------- workers

    @work(thread=True, exclusive=True, exit_on_error=False, group="tree")
    def load_tree(self) -> None:
        deliver(self, TreeLoaded(self.backend.call(catalog_pages.discipline_tree)))

    @on(FacetsLoaded)
    def facets_loaded(self, message: FacetsLoaded) -> None:
        self.show_facets(message.result)

    @on(DisciplineCounts)
    def discipline_counts_loaded(self, message: DisciplineCounts) -> None:
        self.show_discipline_choices(message.result)

    @on(TreeLoaded)
    def show_tree(self, message: TreeLoaded) -> None:
        tree = self.query_one(DisciplineTree)
        tree.load(message.result)
        self.fit_split(tree.natural_width + 3)  # the pane's border and scrollbar
        self._mark_loaded("tree")

    def reload(self, offset: int = 0, *, keep: str | None = None) -> None:
        table = self.query_one("#countries", PagedTable)
        if keep is None and (row := table.selected_row()):
            keep = row["code"]
        table.loading = not self._loaded
        discipline = self.discipline[0] if self.discipline else None
        self.load_countries(replace(self.flt), self.sort, self.descending, offset, keep,
                            discipline)

    @work(thread=True, exclusive=True, exit_on_error=False, group="countries")
    def load_countries(self, flt: CountryFilter, sort: str, descending: bool, offset: int,
                       keep: str | None, discipline: str | None = None) -> None:
        page = self.backend.call(country_pages.country_page, flt, sort=sort, descending=descending,
                                 limit=self.config.page_size, offset=offset,
                                 discipline=discipline)
        deliver(self, CountriesLoaded((page, keep)))

    @on(CountriesLoaded)
    def show_countries(self, message: CountriesLoaded) -> None:
        page, keep = message.result
        table = self.query_one("#countries", PagedTable)
        table.loading = False
        table.show_page(page.rows, total=page.total, offset=page.offset, keep=keep,
                        sort_key=self.sort, descending=self.descending)
        direction = "▼" if self.descending else "▲"
        label = next((spec.label for spec in table.columns_spec if spec.key == self.sort),
                     self.sort)
        table.border_subtitle = f"{table.page_summary()} · sorted by {label} {direction}"
        title = "Countries" + (f" — {page.note}" if page.note else "")
        if self.discipline:
            title += f" · {self.discipline[1]}: delivered · open"
        table.border_title = Text(title)
        if not page.rows:
            self._show_detail(Text("No country matches these filters. Press x to clear them.",
                                   style="italic"), "Detail", None)
        self._mark_loaded("countries")
        if page.offset == 0:  # new filters: the facet counts next (not before the page)
            self.load_facets(replace(self.flt), self.discipline[0] if self.discipline else None)

    def worker_failed(self, group: str, error: BaseException | None) -> None:
        if group == "countries":
            self.query_one("#countries", PagedTable).loading = False
        super().worker_failed(group, error)

    def _mark_loaded(self, part: str) -> None:
        self._loaded.add(part)
        if {"tree", "countries"} <= self._loaded:
            self.catalogue.screen_ready(self)

    # ---------------------------------------------------------------- events

    @on(Input.Changed, "#search")
    def search_changed(self, event: Input.Changed) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(SEARCH_DELAY, lambda: self._apply_search(event.value))

    @on(Input.Submitted, "#search")
    def search_submitted(self, event: Input.Submitted) -> None:
        self._apply_search(event.value)
        self.query_one("#countries", PagedTable).focus()

    def _apply_search(self, value: str) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
            self._search_timer = None
        search = value if value.strip() else None
        if search != self.flt.search:
            self.flt.search = search
            self._filters_changed()

    @on(PagedTable.PageRequested, "#countries")
    def page_requested(self, event: PagedTable.PageRequested) -> None:
        self.reload(event.offset, keep="")  # a new page: no row to keep

    @on(PagedTable.RowSelected, "#countries")
    def country_selected(self, event: PagedTable.RowSelected) -> None:
        self.query_one("#detail", VerticalScroll).focus()

    def _filters_changed(self) -> None:
        self._show_chips()
        self.reload(0)

    # ---------------------------------------------------------------- actions

    def action_focus_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_back(self) -> None:
        if self.maximized is not None:
            self.minimize()
        self.query_one("#countries", PagedTable).focus()

    def action_zoom(self) -> None:
        if self.maximized is not None:
            self.minimize()
        elif self.focused is not None:
            self.maximize(self.focused)

    def action_new_programme(self) -> None:
        row = self.query_one("#countries", PagedTable).selected_row()
        self.catalogue.open_builder(country=row["name"] if row else None)

    def current_country(self) -> Mapping[str, Any] | None:
        return self.query_one("#countries", PagedTable).selected_row()
