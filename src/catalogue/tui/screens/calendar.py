"""Delivery calendar: a month as weeks of days (deliveries running each day, clashes marked)
above a paged list of the month's deliveries by date, country or trainer."""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from catalogue.core.trainers.calendar import MonthCalendar
from catalogue.tui.screens.base import CatalogueScreen
from catalogue.tui.shown import shown_text
from catalogue.tui.widgets.key_footer import KeyFooter
from catalogue.tui.widgets.navbar import NavBar
from catalogue.tui.widgets.paged_table import PagedTable
from catalogue.tui.widgets.trainer_views import CALENDAR_COLUMNS, month_grid
from catalogue.tui.workers import Loaded, deliver

GROUPINGS = ("date", "country", "trainer")


class MonthLoaded(Loaded[tuple[MonthCalendar, Text]]):
    """A month's deliveries, and its grid drawn in the worker."""


class CalendarScreen(CatalogueScreen):
    AUTO_FOCUS = "#deliveries"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("p", "month(-1)", "Prev month", id="calendar.previous",
                tooltip="The month before"),
        Binding("n", "month(1)", "Next month", id="calendar.next", tooltip="The month after"),
        Binding("t", "this_month", "This month", id="calendar.today",
                tooltip="Back to the current month"),
        Binding("g", "grouping", "Group", id="calendar.group",
                tooltip="List the deliveries by date, by country or by trainer"),
        Binding("o", "open_programme", "Programme", id="calendar.programme",
                tooltip="Open the highlighted delivery's programme in the builder"),
        Binding("f5,ctrl+r", "refresh", "Refresh", id="calendar.refresh", show=False,
                tooltip="Reload the month"),
    ]

    def __init__(self, month: str | None = None) -> None:
        super().__init__(id="calendar")
        self.month = month or date.today().strftime("%Y-%m")
        self.grouping = "date"
        self.calendar: MonthCalendar | None = None
        self.rows: list[dict[str, Any]] = []
        self.highlighted: int | None = None
        self.grid = Text()
        self._ready = False

    def compose(self) -> ComposeResult:
        yield NavBar("calendar")
        yield Static("", id="month-title")
        yield Static(Text("Loading the month...", style="dim"), id="month-grid", classes="pane")
        yield PagedTable(CALENDAR_COLUMNS, id_key="key", id="deliveries",
                         page_size=self.config.page_size, classes="pane")
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        self.load_month(self.month)

    @work(thread=True, exclusive=True, exit_on_error=False, group="month")
    def load_month(self, month: str) -> None:
        """The month, and its grid drawn here (off the UI thread: a busy month has
        thousands of deliveries)."""
        from catalogue.core.trainers.calendar import month_calendar

        calendar = self.backend.call(month_calendar, month)
        deliver(self, MonthLoaded((calendar, month_grid(calendar))))

    @on(MonthLoaded)
    def show_month(self, message: MonthLoaded) -> None:
        calendar, grid = message.result
        self.calendar = calendar
        self.grid = grid
        self._show_calendar()

    def _show_calendar(self) -> None:
        calendar = self.calendar
        if calendar is None:
            return
        title = Text(f" {calendar.first.strftime('%B %Y')}", style="bold")
        title.append(f"  {len(calendar.entries)} deliveries", style="cyan")
        if calendar.clash_count:
            title.append(f", {calendar.clash_count} with clashes", style="bold red")
        title.append(f"  · listed by {self.grouping}", style="dim")
        self.query_one("#month-title", Static).update(title)
        self.query_one("#month-grid", Static).update(shown_text(self.grid))
        self.rows = calendar.rows(self.grouping)
        self._show_rows(0)
        if not self._ready:
            self._ready = True
            self.catalogue.screen_ready(self)

    def _show_rows(self, offset: int) -> None:
        table = self.query_one("#deliveries", PagedTable)
        size = self.config.page_size
        table.show_page(self.rows[offset:offset + size], total=len(self.rows), offset=offset)
        table.border_title = f"Deliveries by {self.grouping}"
        table.border_subtitle = table.page_summary() if self.rows else "none this month"

    @on(PagedTable.PageRequested, "#deliveries")
    def page_requested(self, event: PagedTable.PageRequested) -> None:
        self._show_rows(event.offset)

    @on(PagedTable.RowHighlighted, "#deliveries")
    def delivery_highlighted(self, event: PagedTable.RowHighlighted) -> None:
        self.highlighted = int(event.row["programme_id"]) if event.row else None

    @on(PagedTable.RowSelected, "#deliveries")
    def delivery_selected(self) -> None:
        self.action_open_programme()

    # ------------------------------------------------------------ actions

    def action_month(self, step: int) -> None:
        from catalogue.core.trainers.calendar import shift_month

        self.month = shift_month(self.month, step)
        self.load_month(self.month)

    def action_this_month(self) -> None:
        self.month = date.today().strftime("%Y-%m")
        self.load_month(self.month)

    def action_refresh(self) -> None:
        self.load_month(self.month)

    def action_grouping(self) -> None:
        self.grouping = GROUPINGS[(GROUPINGS.index(self.grouping) + 1) % len(GROUPINGS)]
        self._show_calendar()

    def action_open_programme(self) -> None:
        """Open the highlighted delivery's programme (rows are keyed by programme, or by
        trainer and programme when listed by trainer)."""
        if self.rows and self.highlighted is not None:
            self.catalogue.open_builder(programme_id=self.highlighted)
