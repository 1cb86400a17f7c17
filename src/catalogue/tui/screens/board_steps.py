"""The requests board's workflow steps on the shown request: advance, decline, withdraw,
reset (each through its dialog in :mod:`~catalogue.tui.dialogs.steps`), and a new version of
its OSJA assessment. After a step the board follows the request, even out of this state's list.

A base of :class:`~catalogue.tui.screens.board.BoardScreen`, which holds the keys.
"""

from __future__ import annotations

from typing import Any

from textual import on, work

from catalogue.core.requests import pages as request_pages
from catalogue.core.requests.states import TERMINAL
from catalogue.tui.screens.board_messages import OsjaLoaded
from catalogue.tui.screens.board_view import BoardView
from catalogue.tui.widgets.paged_table import PagedTable
from catalogue.tui.workers import deliver


class RequestSteps(BoardView):
    """The step keys' actions (a, d, w, r, o) and what follows a step."""

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
        table = self.query_one("#requests", PagedTable)
        offset = table.row_offset
        neighbour = _neighbour(table, request.id)
        if request.state in TERMINAL and self.state != request.state and neighbour is not None:
            # Finished, it leaves this list: the cursor goes to its neighbour (by id: the row
            # after it, else the one before), whose detail is then shown. (Alone in the
            # list, it stays on show: nothing else is there to act on.)
            self._focus_request = neighbour
            self.reload(offset)
            return
        self._focus_request = request.id
        self._keep_detail = True  # it may have left this list: keep showing it
        if request.state not in TERMINAL and self.state not in (request_pages.OPEN, request.state):
            # Still open but gone from this state's list: follow it to its new state's list
            # (which is not left empty behind it).
            self.state = request.state
            offset = 0
        self.reload(offset)
        self.load_detail(request.id)


def _neighbour(table: PagedTable, request_id: int) -> int | None:
    """The id of the row after request ``request_id`` on the table's page, else the one
    before (None when it is alone or not there)."""
    ids = [int(table.row_id(row)) for row in table.rows_shown]
    if request_id not in ids:
        return None
    at = ids.index(request_id)
    if at + 1 < len(ids):
        return ids[at + 1]
    return ids[at - 1] if at else None
