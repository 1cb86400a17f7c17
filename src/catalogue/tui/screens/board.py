"""Requests board: states with counts, a paged list of the requests in one state (oldest
first, with age), and the selected request's flags, approvals, programme and history."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from catalogue.core import country_pages
from catalogue.core.requests import pages as request_pages
from catalogue.core.requests.states import FORWARD, LABELS, STATES, TERMINAL
from catalogue.tui.screens.split import SplitScreen
from catalogue.tui.spelling import glossary
from catalogue.tui.widgets.key_footer import KeyFooter
from catalogue.tui.widgets.navbar import NavBar
from catalogue.tui.widgets.paged_table import PagedTable
from catalogue.tui.widgets.request_card import request_text
from catalogue.tui.widgets.tables import REQUEST_COLUMNS
from catalogue.tui.workers import Loaded, deliver


@dataclass(frozen=True)
class RequestsPage:
    """A page of one state's requests, and the number of requests in each state read with it
    (another session may have changed them: every reload of the list shows both)."""

    state: str
    rows: list[request_pages.RequestRow]
    total: int
    offset: int
    counts: dict[str, int]


class RequestsLoaded(Loaded[RequestsPage]):
    """A page of one state's requests with the state counts."""


class RequestLoaded(Loaded[request_pages.RequestDetail]):
    """One request in full (request_pages.request_detail)."""


class ChoicesLoaded(Loaded[dict[str, Any]]):
    """What the step dialogs offer (request_pages.workflow_choices)."""


class CountriesLoaded(Loaded[tuple[list[dict[str, Any]], dict[str, Any] | None]]):
    """The countries for the new or edit form, and the request to edit (None: a new one)."""


class OsjaLoaded(Loaded[dict[str, Any]]):
    """A request's OSJA overview (prompts, facts, suggestion, latest version), for the
    assessment dialog."""


class RequestFound(Loaded[tuple[int, str]]):
    """A request's id and state, to show it in its state's list."""


STEP_ACTIONS = {"advance", "decline", "withdraw", "edit_request", "assess"}
SHORT_LABELS = {"ipab-submitted": "IPAB submitted"}  # to fit the states list at 80 columns


class BoardScreen(SplitScreen):
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
        self.query_one("#request-body", Static).update(text)
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

    # ------------------------------------------------------------ actions

    def action_copy(self) -> None:
        from catalogue.core.requests.summary import request_plain_text
        from catalogue.tui.copy_out import copy_out

        if self.detail:
            copy_out(self.app, request_plain_text(self.detail),
                     f"request {self.detail['request']['id']}'s summary")

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

    def action_advance(self) -> None:
        from catalogue.tui.dialogs.steps import AdvanceDialog

        if self.detail and self.choices and self.detail["next_step"].get("next"):
            self.app.push_screen(AdvanceDialog(self.detail, self.choices, self.config_user()),
                                 self._stepped)

    def action_decline(self) -> None:
        self._exit("decline")

    def action_withdraw(self) -> None:
        self._exit("withdraw")

    def _exit(self, kind: str) -> None:
        from catalogue.tui.dialogs.steps import ExitDialog

        if self.detail and self.choices:
            self.app.push_screen(ExitDialog(kind, self.detail["request"], self.choices,
                                            self.config_user()), self._stepped)

    def action_reset(self) -> None:
        from catalogue.tui.dialogs.steps import ResetDialog

        if self.detail and self._can_reset():
            self.app.push_screen(ResetDialog(self.detail["request"], self.config_user()),
                                 self._stepped)

    def action_assess(self) -> None:
        request = self._shown("request")
        if request is not None and request["state"] not in TERMINAL:
            self.load_osja(int(request["id"]))

    def action_osja_document(self) -> None:
        from catalogue.tui.dialogs.osja_export import OsjaExportDialog

        request = self._shown("request")
        if request is None:
            return
        self.app.push_screen(OsjaExportDialog(int(request["id"]), self.config.exports_folder(),
                                              self.config_user()), self._osja_written)

    def _osja_written(self, path: Any) -> None:
        if path is not None:
            self.notify(f"OSJA assessment written to {path}", markup=False)

    @work(thread=True, exclusive=True, exit_on_error=False, group="osja")
    def load_osja(self, request_id: int) -> None:
        from catalogue.core.osja.view import osja_overview

        deliver(self, OsjaLoaded(self.backend.call(osja_overview, request_id)))

    @on(OsjaLoaded)
    def show_osja(self, message: OsjaLoaded) -> None:
        from catalogue.tui.dialogs.assessment import AssessmentDialog

        self.app.push_screen(AssessmentDialog(message.result, self.config_user()),
                             self._assessed)

    def _assessed(self, version: Any) -> None:
        if version is None:
            return
        rid = int(version["request_id"])
        self.notify(f"Request {rid}: OSJA assessment version {version['version']} recorded "
                    f"(level decided: {version['decided_level']})", markup=False)
        self._show_again(rid)

    def _stepped(self, request: Any) -> None:
        if request is None:
            return
        self.notify(f"Request {request.id} is now {request.state_label}", markup=False)
        self._focus_request = request.id
        self._keep_detail = True  # it may have left this list: keep showing it
        offset = self.query_one("#requests", PagedTable).row_offset
        if request.state not in TERMINAL and self.state not in (request_pages.OPEN, request.state):
            # Still open but gone from this state's list: follow it to its new state's list
            # (which is not left empty behind it).
            self.state = request.state
            offset = 0
        self.reload(offset)
        self.load_detail(request.id)

    def action_open_programme(self) -> None:
        programme = self._shown("programme")
        if programme:
            self.catalogue.open_builder(programme_id=int(programme["id"]))

    def action_new_request(self) -> None:
        self.load_countries(None)

    def action_edit_request(self) -> None:
        request = self._shown("request")
        if request is not None:
            self.load_countries(request)

    @work(thread=True, exclusive=True, exit_on_error=False, group="countries")
    def load_countries(self, request: dict[str, Any] | None) -> None:
        deliver(self, CountriesLoaded((self.backend.call(country_pages.palette_countries), request)))

    @on(CountriesLoaded)
    def show_countries(self, message: CountriesLoaded) -> None:
        from catalogue.tui.dialogs.edit_request import EditRequestDialog
        from catalogue.tui.dialogs.new_request import NewRequestDialog

        countries, request = message.result
        if request is None:
            self.app.push_screen(NewRequestDialog(countries, self.config_user()),
                                 self._created)
        else:
            self.app.push_screen(EditRequestDialog(countries, self.config_user(), request),
                                 self._edited)

    def _edited(self, result: Any) -> None:
        if result is None:
            return
        request = result.request
        if not result.changed:
            self.notify(f"Request {request.id}: nothing changed", markup=False)
            return
        message = f"Request {request.id}: changed {', '.join(result.changed)}"
        if result.reset_to:
            message += (f". Back to {request.state_label}; undone: "
                        f"{', '.join(result.reset_steps)}")
        self.notify(message, markup=False, severity="warning" if result.reset_to else
                    "information", timeout=8)
        self._show_again(request.id)

    def _created(self, request: Any) -> None:
        if request is None:
            return
        self.notify(f"Request {request.id} logged ({request.state_label})", markup=False)
        self.open_request(request.id)

    def action_pack(self) -> None:
        from catalogue.tui.dialogs.pack import PackDialog

        request = self._shown("request")
        if request is None:
            return

        def written(path: Any) -> None:
            if path is not None:
                self.notify(f"IPAB submission draft written to {path}", title="IPAB pack",
                            markup=False, timeout=8)

        self.app.push_screen(PackDialog(int(request["id"]), self.config.exports_folder()),
                             written)

    def action_link_programme(self) -> None:
        from catalogue.tui.dialogs.new_request import LinkProgrammeDialog

        request = self._shown("request")
        if request is None:
            return
        programme = self._shown("programme")
        current = int(programme["id"]) if programme else None
        self.app.push_screen(LinkProgrammeDialog(request, current, self.config_user()),
                             self._linked)

    def _linked(self, request: Any) -> None:
        if request is None:
            return
        linked = (f"linked to programme {request.programme_id}"
                  if request.programme_id is not None else "no longer linked to a programme")
        self.notify(f"Request {request.id} is {linked}", markup=False)
        self._show_again(request.id)

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
