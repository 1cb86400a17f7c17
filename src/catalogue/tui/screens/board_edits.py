"""The requests board's forms that change the register: log a new request, edit the shown
one (scope, dates, notes) and link it to a programme; each says what it changed and shows the
request again.

A base of :class:`~catalogue.tui.screens.board.BoardScreen`, which holds the keys.
"""

from __future__ import annotations

from typing import Any

from textual import on, work

from catalogue.core import country_pages
from catalogue.tui.screens.board_messages import CountriesLoaded
from catalogue.tui.screens.board_view import BoardView
from catalogue.tui.workers import deliver


class RequestEdits(BoardView):
    """The new, edit and link keys' actions (n, e, l)."""

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
