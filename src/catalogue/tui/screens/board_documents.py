"""What the requests board writes out of the shown request: its OSJA assessment as a marked
document, its IPAB submission draft, and its summary copied as plain text to the clipboard.

A base of :class:`~catalogue.tui.screens.board.BoardScreen`, which holds the keys.
"""

from __future__ import annotations

from typing import Any

from catalogue.tui.screens.board_view import BoardView


class RequestDocuments(BoardView):
    """The document and copy keys' actions (O, p, c)."""

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

    def action_copy(self) -> None:
        from catalogue.core.requests.summary import request_plain_text
        from catalogue.tui.copy_out import copy_out

        if self.detail:
            copy_out(self.app, request_plain_text(self.detail),
                     f"request {self.detail['request']['id']}'s summary")
