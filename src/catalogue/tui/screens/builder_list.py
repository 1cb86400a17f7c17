"""The builder's list of programmes: a search (words in the title or notes, applied shortly
after the last key, or at once with Enter), paged most recently changed first; Enter on a row
opens that programme (by its id)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.timer import Timer
from textual.widgets import Input, Static

from catalogue.core.programmes import pages as programme_pages
from catalogue.tui.config import SEARCH_DELAY
from catalogue.tui.screens.base import CatalogueScreen
from catalogue.tui.widgets.paged_table import PagedTable
from catalogue.tui.workers import Loaded, deliver


class ListLoaded(Loaded[tuple[list[programme_pages.ProgrammeRow], int, int]]):
    """A page of programmes: (rows, total, offset)."""


class ProgrammeList(CatalogueScreen):
    """A base of :class:`~catalogue.tui.screens.builder.BuilderScreen`, which lays out the
    list (``#programme-search``, ``#programmes``, ``#programme-hint``), sets the state below
    in its ``__init__`` and opens a programme."""

    programme_id: int | None
    _search: str | None
    _search_timer: Timer | None

    if TYPE_CHECKING:
        def open_programme(self, programme_id: int) -> None: ...

    def reload_list(self, offset: int = 0) -> None:
        self.load_list(self._search, offset)

    @work(thread=True, exclusive=True, exit_on_error=False, group="list")
    def load_list(self, search: str | None, offset: int) -> None:
        rows, total = self.backend.call(programme_pages.programme_page, search,
                                        limit=self.config.page_size, offset=offset)
        deliver(self, ListLoaded((rows, total, offset)))

    @on(ListLoaded)
    def show_list(self, message: ListLoaded) -> None:
        rows, total, offset = message.result
        table = self.query_one("#programmes", PagedTable)
        table.show_page(rows, total=total, offset=offset)
        table.border_subtitle = f"{table.page_summary()} · most recently changed first"
        if not total:
            hint = ("No programme matches." if self._search
                    else "No programmes yet: press Ctrl+N to start one.")
            self.query_one("#programme-hint", Static).update(Text(hint, style="italic"))

    @on(Input.Changed, "#programme-search")
    def search_changed(self, event: Input.Changed) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        value = event.value.strip() or None

        def apply() -> None:
            self._search = value
            self.reload_list()

        self._search_timer = self.set_timer(SEARCH_DELAY, apply)

    @on(Input.Submitted, "#programme-search")
    def search_submitted(self, event: Input.Submitted) -> None:
        self._search = event.value.strip() or None
        self.reload_list()
        self.query_one("#programmes", PagedTable).focus()

    @on(PagedTable.PageRequested, "#programmes")
    def list_page(self, event: PagedTable.PageRequested) -> None:
        self.reload_list(event.offset)

    @on(PagedTable.RowSelected, "#programmes")
    def list_selected(self, event: PagedTable.RowSelected) -> None:
        if event.row_id:
            self.open_programme(int(event.row_id))

    def action_focus_search(self) -> None:
        if self.programme_id is None:
            self.query_one("#programme-search", Input).focus()
