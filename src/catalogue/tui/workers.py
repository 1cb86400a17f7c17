"""Worker results as typed messages, and one place that reports worker failures.

Screens run database work in ``@work(thread=True, exclusive=True, exit_on_error=False,
group=NAME)`` methods. A worker ends by :func:`deliver`-ing its own :class:`Loaded` subclass
(``class CountriesLoaded(Loaded[CountryPage])``) to its screen, which handles it with
``@on(CountriesLoaded)``: mypy checks the result's type and grep finds the handler. A worker
superseded by a newer one of its group (``exclusive``) is cancelled and delivers nothing, so
stale results never reach the screen. A failure reaches :meth:`WorkerResults.worker_failed`
(by default a notification; a screen overrides it to tidy up as well).
"""

from __future__ import annotations

import sqlite3
from typing import Any, Generic, TypeVar

from textual.app import App
from textual.message import Message
from textual.message_pump import MessagePump
from textual.worker import Worker, WorkerState, get_current_worker

from catalogue.core.errors import CatalogueError, RefusedError
from catalogue.tui.field_words import app_message

T = TypeVar("T")


def report_failure(app: App[Any], error: BaseException | None, *, doing: str = "") -> None:
    """Show a worker's failure: a CatalogueError's own message, else a short internal error."""
    prefix = f"{doing}: " if doing else ""
    if isinstance(error, RefusedError):
        app.notify(prefix + app_message(error), title="Refused", severity="warning", markup=False,
                   timeout=10)
    elif isinstance(error, CatalogueError):
        app.notify(prefix + app_message(error), title="Cannot do that", severity="error",
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


class Loaded(Message, Generic[T], bubble=False):
    """A worker's result, for the screen or dialog that ran it (subclass one per worker).
    It does not bubble: no other node has a use for it."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        kwargs.setdefault("bubble", False)  # Message's default would make subclasses bubble
        super().__init_subclass__(**kwargs)

    def __init__(self, result: T) -> None:
        super().__init__()
        self.result = result


def deliver(node: MessagePump, message: Loaded[Any]) -> None:
    """From inside a worker: post ``message`` to ``node``, unless the worker was cancelled
    (a newer worker of its group superseded it)."""
    if not get_current_worker().is_cancelled:
        node.post_message(message)


class WorkerResults:
    """Mixin for screens and dialogs that run database workers: reports their failures."""

    app: App[Any]

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.worker_failed(event.worker.group, event.worker.error)

    def worker_failed(self, group: str, error: BaseException | None) -> None:
        """A worker of ``group`` failed with ``error``: show it (override to do more)."""
        report_failure(self.app, error)
