"""One place that turns worker outcomes into screen updates or notifications.

Screens run database work in ``@work(thread=True, exclusive=True, exit_on_error=False,
group=NAME)`` methods that *return* their data. :class:`WorkerResults` receives every
``Worker.StateChanged``: on success it calls ``show_NAME(result)`` on the screen; on error it
shows the failure as a notification. A superseded worker (same group, exclusive) ends
CANCELLED, so stale results never reach the screen.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from textual.app import App
from textual.worker import Worker, WorkerState

from catalogue.core.errors import CatalogueError, RefusedError


def report_failure(app: App[Any], error: BaseException | None, *, doing: str = "") -> None:
    """Show a worker's failure: a CatalogueError's own message, else a short internal error."""
    prefix = f"{doing}: " if doing else ""
    if isinstance(error, RefusedError):
        app.notify(prefix + error.message, title="Refused", severity="warning", markup=False,
                   timeout=10)
    elif isinstance(error, CatalogueError):
        app.notify(prefix + error.message, title="Cannot do that", severity="error",
                   markup=False, timeout=10)
    elif isinstance(error, sqlite3.Error):
        from catalogue.core.store import explain

        app.notify(prefix + explain(error, None).message, title="Database",
                   severity="error", markup=False, timeout=10)
    else:
        app.log.error("worker failed", repr(error))
        # The type only: an exception's text can quote the data it failed on.
        app.notify(f"{prefix}internal error: {type(error).__name__}",
                   title="Internal error (please report it)", severity="error", markup=False,
                   timeout=15)


class WorkerResults:
    """Mixin for screens and dialogs that run database workers."""

    app: App[Any]

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if event.state == WorkerState.ERROR:
            failed = getattr(self, f"failed_{worker.group}", None)
            if failed is not None:
                failed(worker.error)
            else:
                report_failure(self.app, worker.error)
        elif event.state == WorkerState.SUCCESS:
            show = getattr(self, f"show_{worker.group}", None)
            if show is not None:
                show(worker.result)
