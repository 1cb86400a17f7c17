"""The explorer's discipline facet: requests counted by region and state under its filters,
and each country's delivered and open requests, for one discipline (d) or all.

A mixin of the explorer screen, kept apart so the explorer stays about its table and panes.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, cast

from textual import work
from textual.widgets import Static

from catalogue.core.countries import CountryFilter
from catalogue.core.facets import RequestFacets
from catalogue.tui.dialogs.choose import ANY, Choice, ChooseDialog
from catalogue.tui.workers import Loaded, deliver

if TYPE_CHECKING:
    from textual.message_pump import MessagePump

    from catalogue.tui.backend import Backend


class FacetsLoaded(Loaded[RequestFacets]):
    """Requests counted by region, discipline and state under the explorer's filters (the
    explorer handles it: ``show_facets``)."""


class DisciplineCounts(Loaded[RequestFacets]):
    """Every discipline's counts, for choosing one (the explorer: ``show_discipline_choices``)."""


class DisciplineFacets:
    """Needs ``backend``, ``app``, ``query_one`` and ``_filters_changed`` from the screen."""

    discipline: tuple[str, str] | None
    facets: RequestFacets | None
    flt: CountryFilter
    if TYPE_CHECKING:
        from textual.app import App

        app: App[None]

        @property
        def backend(self) -> Backend: ...

        def query_one(self, selector: str, expect_type: type[Static]) -> Static: ...

        def _filters_changed(self) -> None: ...

    @work(thread=True, exclusive=True, exit_on_error=False, group="facets")
    def load_facets(self, flt: CountryFilter, discipline: str | None) -> None:
        """The region counts for the facet line (from the index: fast at any size)."""
        from catalogue.core.facets import request_facets

        deliver(cast("MessagePump", self), FacetsLoaded(
            self.backend.call(request_facets, flt, discipline, by_discipline=False)))

    def show_facets(self, facets: RequestFacets) -> None:
        from catalogue.tui.widgets.facet_counts import facet_text

        self.facets = facets
        self.query_one("#facet-counts", Static).update(facet_text(facets))

    def action_pick_discipline(self) -> None:
        self.load_discipline_choices(replace(self.flt))

    @work(thread=True, exclusive=True, exit_on_error=False, group="discipline_choices")
    def load_discipline_choices(self, flt: CountryFilter) -> None:
        """Every discipline's counts under the current filters, for the list."""
        from catalogue.core.facets import request_facets

        deliver(cast("MessagePump", self),
                DisciplineCounts(self.backend.call(request_facets, flt, None)))

    def show_discipline_choices(self, facets: RequestFacets) -> None:
        """Choose the discipline the requests are counted in (each with its open requests
        under the current filters)."""
        current = self.discipline[0] if self.discipline else None
        choices = [Choice(d, title, facets.disciplines[d]["open"], d == current)
                   for d, title in facets.titles.items()]

        def chosen(value: str | None) -> None:
            if value is None:
                return
            self.discipline = (value, facets.titles[value]) if value != ANY else None
            self._filters_changed()

        self.app.push_screen(ChooseDialog("Count requests in a discipline (open requests "
                                          "under these filters)", choices,
                                          allow_any="Every discipline"), chosen)
