"""Waiting and reading helpers for pilot tests."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Static
from textual.worker import WorkerState

from catalogue.tui.app import CatalogueApp

SIZE = (140, 45)
_DONE = {WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED}


async def settle(pilot: Pilot[Any], timeout: float = 5.0) -> None:
    """Wait until every worker has finished and its messages have been handled."""
    app = pilot.app
    deadline = time.monotonic() + timeout
    quiet = 0
    while quiet < 2:
        await pilot.pause()
        busy = [w for w in app.workers if w.state not in _DONE]
        quiet = 0 if busy else quiet + 1
        if busy and time.monotonic() > deadline:  # (a slow machine's pauses are no failure)
            raise AssertionError(f"workers still running: {busy}")
        if busy:
            await asyncio.sleep(0.01)


async def ready(pilot: Pilot[Any], timeout: float = 10.0) -> None:
    """Wait for the explorer's first page (the app's 'ready' moment)."""
    app = pilot.app
    assert isinstance(app, CatalogueApp)
    deadline = time.monotonic() + timeout
    while not app.is_ready:
        if time.monotonic() > deadline:
            raise AssertionError("the app did not become ready")
        await pilot.pause(0.02)
    await settle(pilot)


async def type_text(pilot: Pilot[Any], text: str) -> None:
    """Type printable text into the focused widget, key by key (Pilot names the keys of
    characters such as space and punctuation itself)."""
    await pilot.press(*text)


async def wait_for(pilot: Pilot[Any], condition: Callable[[], bool], timeout: float = 5.0,
                   what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await pilot.pause(0.02)
    await settle(pilot)


def record_notices(app: Any) -> list[str]:
    """From now on, the text of every notification ``app`` shows (newest last)."""
    notices: list[str] = []
    notify = app.notify

    def recorded(message: str, *args: Any, **kwargs: Any) -> None:
        notices.append(str(message))
        notify(message, *args, **kwargs)

    app.notify = recorded
    return notices


def plain(widget: Static) -> str:
    """What a Static shows, as plain text."""
    visual = widget.visual
    return str(getattr(visual, "plain", visual))


async def show_request(pilot: Pilot[Any], request_id: int) -> Any:
    """Open request ``request_id`` on the board and wait for its detail; returns the board."""
    from catalogue.tui.screens.board import BoardScreen

    app = pilot.app
    app.open_request(request_id)  # type: ignore[attr-defined]
    await wait_for(pilot, lambda: isinstance(app.screen, BoardScreen)
                   and app.screen.detail is not None
                   and app.screen.detail["request"]["id"] == request_id, what="request")
    return app.screen
