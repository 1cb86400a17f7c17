"""The explorer's filters and order: a facet chosen from its values with their counts (region,
sub-region, intermediate region, liaison area), the assisted and HR-priority toggles, clearing,
the chips that show each filter and remove it, and the column the countries are sorted by.

The base of :class:`~catalogue.tui.screens.explorer.ExplorerScreen`, which holds the filter
(``flt``), reloads the table when it or the order changes (``_filters_changed``, ``reload``)
and lists the keys. The discipline facet is :mod:`~catalogue.tui.screens.explorer_facets`'.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from textual import on, work
from textual.widgets import Input

from catalogue.core import country_pages
from catalogue.core.countries import CountryFilter
from catalogue.tui.dialogs.choose import ANY, Choice, ChooseDialog
from catalogue.tui.screens.base import CatalogueScreen
from catalogue.tui.widgets.chips import Chip, FilterChips
from catalogue.tui.widgets.paged_table import PagedTable
from catalogue.tui.workers import Loaded, deliver


class FacetCounted(Loaded[tuple[str, list[tuple[str, int]]]]):
    """A facet's values with their counts under the other filters."""


class ExplorerFilters(CatalogueScreen):
    """Which countries the explorer lists, and in which order."""

    flt: CountryFilter
    discipline: tuple[str, str] | None  # (id, title) the request counts are for
    sort: str  # a column's key
    descending: bool

    if TYPE_CHECKING:
        def _filters_changed(self) -> None: ...

        def reload(self, offset: int = 0, *, keep: str | None = None) -> None: ...

    @on(FilterChips.Removed)
    def chip_removed(self, event: FilterChips.Removed) -> None:
        key = event.chip.key
        if key == "search":
            self.query_one("#search", Input).value = ""
            self.flt.search = None
        elif key == "assisted":
            self.flt.assisted_only = False
        elif key == "priority":
            self.flt.hr_priority_only = False
        elif key == "discipline":
            self.discipline = None
        else:
            setattr(self.flt, key, None)
        self._filters_changed()
        self.query_one("#countries", PagedTable).focus()

    def _show_chips(self) -> None:
        chips: list[Chip] = []
        for facet, label in country_pages.FACET_LABELS.items():
            value = getattr(self.flt, facet)
            if value:
                chips.append(Chip(facet, label, value))
        if self.flt.assisted_only:
            chips.append(Chip("assisted", "Countries", "assisted only"))
        if self.flt.hr_priority_only:
            chips.append(Chip("priority", "HR priority", "only"))
        if self.flt.search:
            chips.append(Chip("search", "Search", self.flt.search))
        if self.discipline:
            chips.append(Chip("discipline", "Discipline", self.discipline[1]))
        self.query_one(FilterChips).set_chips(chips)

    @on(PagedTable.SortRequested, "#countries")
    def sort_requested(self, event: PagedTable.SortRequested) -> None:
        self._set_sort(event.key)

    # ---------------------------------------------------------------- actions

    def action_toggle_assisted(self) -> None:
        self.flt.assisted_only = not self.flt.assisted_only
        self._filters_changed()

    def action_toggle_priority(self) -> None:
        self.flt.hr_priority_only = not self.flt.hr_priority_only
        self._filters_changed()

    def action_clear_filters(self) -> None:
        self.flt = CountryFilter(assisted_only=False)
        self.discipline = None
        self.query_one("#search", Input).value = ""
        self._filters_changed()

    def action_pick(self, facet: str) -> None:
        self.load_facet(facet, replace(self.flt))

    @work(thread=True, exclusive=True, exit_on_error=False, group="facet")
    def load_facet(self, facet: str, flt: CountryFilter) -> None:
        deliver(self, FacetCounted((facet, self.backend.call(country_pages.facet_choices, facet, flt))))

    @on(FacetCounted)
    def show_facet(self, message: FacetCounted) -> None:
        facet, counts = message.result
        current = getattr(self.flt, facet)
        choices = [Choice(value, value, count, value == current) for value, count in counts]
        label = country_pages.FACET_LABELS[facet]

        def chosen(value: str | None) -> None:
            if value is None:
                return
            setattr(self.flt, facet, None if value == ANY else value)
            self._filters_changed()

        self.app.push_screen(ChooseDialog(f"Filter by {label.lower()}", choices,
                                          allow_any=f"Any {label.lower()}"), chosen)

    def action_sort(self) -> None:
        table = self.query_one("#countries", PagedTable)
        choices = [Choice(spec.key, spec.label, current=spec.key == self.sort)
                   for spec in table.columns_spec if spec.sortable]

        def chosen(value: str | None) -> None:
            if value:
                self._set_sort(value)

        self.app.push_screen(ChooseDialog("Sort by (choose the current column to reverse)",
                                          choices), chosen)

    def _set_sort(self, key: str) -> None:
        if key == self.sort:
            self.descending = not self.descending
        else:
            self.sort, self.descending = key, False
        self.reload(0)
