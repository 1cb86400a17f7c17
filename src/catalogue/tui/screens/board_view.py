"""What the requests board shows: the states with their counts, a paged list of one state's
requests, and the shown request, each read by a worker and shown from its typed message.

The base of :class:`~catalogue.tui.screens.board.BoardScreen` and of the flows it is made of
(:mod:`~catalogue.tui.screens.board_steps`, :mod:`~catalogue.tui.screens.board_edits`,
:mod:`~catalogue.tui.screens.board_documents`): they act on the shown request and show it
again after a change. The screen composes the panes this queries (``#states``, ``#requests``,
``#request-detail``, ``#request-body``).
"""

from __future__ import annotations

from typing import Any, Literal

from rich.text import Text
from textual import on, work
from textual.containers import VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from catalogue.core.requests import pages as request_pages
from catalogue.core.requests.states import FORWARD, LABELS, STATES, TERMINAL
from catalogue.tui.screens.board_messages import (
    ChoicesLoaded,
    RequestFound,
    RequestLoaded,
    RequestsLoaded,
    RequestsPage,
)
from catalogue.tui.screens.split import SplitScreen
from catalogue.tui.shown import shown_text
from catalogue.tui.spelling import glossary
from catalogue.tui.widgets.paged_table import PagedTable
from catalogue.tui.widgets.request_card import request_text
from catalogue.tui.workers import deliver

SHORT_LABELS = {"ipab-submitted": "IPAB submitted"}  # to fit the states list at 80 columns


class BoardView(SplitScreen):
    """The board's lists and shown request (the screen adds its panes, keys and flows)."""

    def __init__(self) -> None:
        super().__init__(id="board")
        self.state = request_pages.OPEN
        self.detail: request_pages.RequestDetail | None = None
        self.choices: dict[str, Any] | None = None
        self._counts: dict[str, int] = {}
        self._focus_request: int | None = None
        self._keep_detail = False
        self._keys_state: tuple[bool, ...] = (False, False, False, False)
        self.overdue_first = False

    def _can_reset(self) -> bool:
        """An open request past the first state can go back to an earlier one."""
        request = self._shown("request")
        return (request is not None and request["state"] not in TERMINAL
                and request["state"] in FORWARD[1:])

    # ------------------------------------------------------------ loading

    def reload(self, offset: int = 0) -> None:
        self.load_requests(self.state, offset)

    def _show_counts(self, counts: dict[str, int]) -> None:
        """The states with their counts (rebuilt only when a count changed), the current
        state highlighted."""
        options = self.query_one("#states", OptionList)
        if counts != self._counts or not options.option_count:
            self._counts = counts
            open_total = sum(n for s, n in counts.items() if s not in TERMINAL)
            entries = [(request_pages.OPEN, "Open (all)", open_total)]
            entries += [(s, SHORT_LABELS.get(s, LABELS[s]), counts.get(s, 0)) for s in STATES]
            with options.prevent(OptionList.OptionHighlighted):
                options.clear_options()
                for key, label, count in entries:
                    prompt = Text(f"{count:>5} ", style="dim" if not count else "bold",
                                  no_wrap=True, overflow="ellipsis")
                    prompt.append(label, style="bold" if key == request_pages.OPEN else "")
                    options.add_option(Option(prompt, id=key))
                options.add_option(None)
                options.add_option(Option(glossary(), id="glossary", disabled=True))
        index = options.get_option_index(self.state)
        if options.highlighted != index:
            with options.prevent(OptionList.OptionHighlighted):
                options.highlighted = index

    @work(thread=True, exclusive=True, exit_on_error=False, group="requests")
    def load_requests(self, state: str, offset: int) -> None:
        """The page and the state counts, read together: whatever reloads the list (a state
        chosen, a page turned, the order changed, a step taken) shows current counts too."""
        rows, total = self.backend.call(request_pages.request_page, state,
                                        limit=self.config.page_size, offset=offset,
                                        overdue_first=self.overdue_first)
        counts = self.backend.call(request_pages.request_state_counts)
        deliver(self, RequestsLoaded(RequestsPage(state, rows, total, offset, counts)))

    @on(RequestsLoaded)
    def show_requests(self, message: RequestsLoaded) -> None:
        page = message.result
        state, rows, total, offset = page.state, page.rows, page.total, page.offset
        self._show_counts(page.counts)
        table = self.query_one("#requests", PagedTable)
        keep = str(self._focus_request) if self._focus_request is not None else None
        self._focus_request = None
        if self._keep_detail and keep is not None and all(str(r["id"]) != keep for r in rows):
            # The request just changed has left this list (advanced, declined ...): keep it
            # on show. Were the first row's detail loaded instead, the next key would act on
            # another request, a colleague's on a shared register.
            with table.prevent(PagedTable.RowHighlighted):
                table.show_page(rows, total=total, offset=offset, keep=keep)
        else:
            table.show_page(rows, total=total, offset=offset, keep=keep)
        label = "Open requests" if state == request_pages.OPEN else LABELS[state]
        table.border_title = Text(label)
        order = "overdue first" if self.overdue_first else "oldest first"
        table.border_subtitle = f"{table.page_summary()} · {order} · ! past target"
        if not rows and not self._keep_detail:
            self._show_detail(None, Text(f"No requests are {label.lower()}.", style="dim"))
        self._keep_detail = False
        self.catalogue.screen_ready(self)

    @work(thread=True, exclusive=True, exit_on_error=False, group="detail")
    def load_detail(self, request_id: int) -> None:
        deliver(self, RequestLoaded(self.backend.call(request_pages.request_detail, request_id)))

    @on(RequestLoaded)
    def show_detail(self, message: RequestLoaded) -> None:
        self._show_detail(message.result, request_text(message.result))

    def _shown(self, part: Literal["request", "programme"]) -> dict[str, Any] | None:
        """The shown request's record or its linked programme (None when none is shown)."""
        return self.detail[part] if self.detail else None

    def _show_detail(self, detail: request_pages.RequestDetail | None, text: Text) -> None:
        self.detail = detail
        self.query_one("#request-body", Static).update(shown_text(text))
        pane = self.query_one("#request-detail", VerticalScroll)
        pane.border_title = f"Request {detail['request']['id']}" if detail else "Request"
        pane.scroll_home(animate=False)
        request = detail["request"] if detail else None
        keys = (request is not None, request is not None and request["state"] not in TERMINAL,
                bool(detail and detail["programme"]), self._can_reset())
        if keys != self._keys_state:
            self._keys_state = keys
            self.refresh_bindings()  # only when what the keys can do changes

    @work(thread=True, exclusive=True, exit_on_error=False, group="choices")
    def load_choices(self) -> None:
        deliver(self, ChoicesLoaded(self.backend.call(request_pages.workflow_choices)))

    @on(ChoicesLoaded)
    def show_choices(self, message: ChoicesLoaded) -> None:
        self.choices = message.result

    # ------------------------------------------------------------ after a change

    def _show_again(self, request_id: int) -> None:
        """Reload this page and show ``request_id``, even if it has left this state's list."""
        self._focus_request = request_id
        self._keep_detail = True
        self.reload(self.query_one("#requests", PagedTable).row_offset)
        self.load_detail(request_id)

    def config_user(self) -> str:
        from catalogue.tui.config import current_user

        return self.config.user or current_user()

    # ------------------------------------------------------------ jumps (palette)

    def open_request(self, request_id: int) -> None:
        self.find_request(request_id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="find")
    def find_request(self, request_id: int) -> None:
        from catalogue.core.requests.register import get_request

        deliver(self, RequestFound((request_id, self.backend.call(get_request, request_id).state)))

    @on(RequestFound)
    def show_find(self, message: RequestFound) -> None:
        request_id, state = message.result
        self.state = state
        self._focus_request = request_id
        self.reload(0)
        self.load_detail(request_id)
        self.query_one("#requests", PagedTable).focus()
