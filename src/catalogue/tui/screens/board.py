"""Requests board: states with counts, a paged list of the requests in one state (oldest
first, with age), and the selected request's flags, approvals, programme and history.

The screen holds the panes, the keys and which keys apply; what it shows and the flows its
keys start live in the modules it is made of: :mod:`~catalogue.tui.screens.board_view` (the
lists and the shown request), :mod:`~catalogue.tui.screens.board_steps` (workflow steps and
OSJA assessment), :mod:`~catalogue.tui.screens.board_edits` (new, edit, link) and
:mod:`~catalogue.tui.screens.board_documents` (OSJA document, IPAB draft, copy); the workers'
typed results are in :mod:`~catalogue.tui.screens.board_messages`.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import OptionList, Static

from catalogue.core.requests.states import TERMINAL
from catalogue.tui.screens.board_documents import RequestDocuments
from catalogue.tui.screens.board_edits import RequestEdits
from catalogue.tui.screens.board_steps import RequestSteps
from catalogue.tui.widgets.key_footer import KeyFooter
from catalogue.tui.widgets.navbar import NavBar
from catalogue.tui.widgets.paged_table import PagedTable
from catalogue.tui.widgets.tables import REQUEST_COLUMNS

STEP_ACTIONS = {"advance", "decline", "withdraw", "edit_request", "assess"}


class BoardScreen(RequestSteps, RequestEdits, RequestDocuments):
    SPLIT_NAME = "board"
    SPLIT_PANE = "#states"
    AUTO_FOCUS = "#requests"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "advance", "Advance", id="board.advance",
                tooltip="Move the request to its next state (asks what the step needs)"),
        Binding("d", "decline", "Decline", id="board.decline",
                tooltip="Decline the request, with a reason"),
        Binding("w", "withdraw", "Withdraw", id="board.withdraw",
                tooltip="Withdraw the request, with a reason"),
        Binding("r", "reset", "Reset", id="board.reset",
                tooltip="Send the request back to an earlier state, with a reason"),
        Binding("g", "open_programme", "Programme", id="board.programme",
                tooltip="Open the linked programme in the builder"),
        Binding("n", "new_request", "New", id="board.new-request",
                tooltip="Log a new request (requesting body, country, scope, notes)"),
        Binding("e", "edit_request", "Edit", id="board.edit-request",
                tooltip="Change the request's scope, dates or notes (a scope change after "
                        "approvals resets them)"),
        Binding("l", "link_programme", "Link", id="board.link-programme",
                tooltip="Link the request to a programme by its number (empty: unlink)"),
        Binding("o", "assess", "OSJA", id="board.osja-assess",
                tooltip="Record a new version of the request's OSJA assessment: answer its "
                        "prompts, judge the risk, decide the approval level (earlier "
                        "versions are kept)"),
        Binding("O", "osja_document", "OSJA doc", id="board.osja-document",
                tooltip="Write the request's OSJA assessment as a marked Word or Markdown "
                        "document: every version and the version history"),
        Binding("p", "pack", "IPAB", id="board.ipab-pack",
                tooltip="Write the request's IPAB submission draft (Word or Markdown), with "
                        "what is still missing listed on its first page"),
        Binding("s", "focus_states", "States", id="board.states",
                tooltip="Choose which state's requests are listed"),
        Binding("c", "copy", "Copy", id="board.copy",
                tooltip="Copy the request's summary as plain text to the clipboard (through "
                        "the terminal, so over SSH too)"),
        Binding("t", "toggle_overdue", "Overdue first", id="board.overdue-first",
                tooltip="Sort the list by the clock: the most days past their state's target "
                        "first (local practice, data/workflow-targets.toml); again: oldest "
                        "first"),
        Binding("f5,ctrl+r", "refresh", "Refresh", id="board.refresh", show=False,
                tooltip="Reload the counts, the list and the request"),
    ]

    def compose(self) -> ComposeResult:
        yield NavBar("board")
        with Horizontal(id="board-body"):
            states = OptionList(id="states", classes="pane")
            states.border_title = "States"
            yield states
            with Horizontal(id="board-results"):
                table = PagedTable(REQUEST_COLUMNS, id_key="id", id="requests",
                                   page_size=self.config.page_size, classes="pane")
                table.border_title = "Requests"
                yield table
                with VerticalScroll(id="request-detail", classes="pane") as detail:
                    detail.border_title = "Request"
                    yield Static(Text("Select a request.", style="dim"), id="request-body")
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        self.reload()
        self.load_choices()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in STEP_ACTIONS:
            request = self._shown("request")
            return None if request is None or request["state"] in TERMINAL else True
        if action == "reset":
            return True if self._can_reset() else None
        if action == "open_programme":
            return True if self._shown("programme") else None
        if action in ("link_programme", "osja_document", "copy", "pack"):
            return True if self._shown("request") else None
        return True

    # ------------------------------------------------------------ events

    @on(OptionList.OptionHighlighted, "#states")
    def state_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id and event.option.id != self.state:
            self.state = event.option.id
            self.load_requests(self.state, 0)

    @on(OptionList.OptionSelected, "#states")
    def state_selected(self) -> None:
        self.query_one("#requests", PagedTable).focus()

    @on(PagedTable.PageRequested, "#requests")
    def page_requested(self, event: PagedTable.PageRequested) -> None:
        self.load_requests(self.state, event.offset)

    @on(PagedTable.RowHighlighted, "#requests")
    def request_highlighted(self, event: PagedTable.RowHighlighted) -> None:
        if event.row_id:
            self.load_detail(int(event.row_id))

    @on(PagedTable.RowSelected, "#requests")
    def request_selected(self) -> None:
        self.query_one("#request-detail", VerticalScroll).focus()

    # ------------------------------------------------------------ the list's own keys

    def action_toggle_overdue(self) -> None:
        """Overdue first, or oldest first, from the first page: the highlighted request stays
        highlighted if it is on it, else the first row is."""
        self.overdue_first = not self.overdue_first
        current = self._shown("request")
        self._focus_request = current["id"] if current else None
        self.load_requests(self.state, 0)
        self.notify("Most days past target first (local practice targets)"
                    if self.overdue_first else "Oldest first", markup=False, timeout=3)

    def action_focus_states(self) -> None:
        self.query_one("#states", OptionList).focus()

    def action_refresh(self) -> None:
        current = self._shown("request")
        self._focus_request = current["id"] if current else None
        self.reload(self.query_one("#requests", PagedTable).row_offset)
        if current:
            self.load_detail(current["id"])

    def action_open_programme(self) -> None:
        programme = self._shown("programme")
        if programme:
            self.catalogue.open_builder(programme_id=int(programme["id"]))
