"""One app session of the team load test: log and advance requests through the app's own
dialogs (headless, with Pilot), and time keystrokes while the other sessions write.

    python benchmarks/team_session.py DB NAME ROUNDS

Each round: F4, ``n``, type a requesting body key by key (each keystroke timed), save;
advance the new request twice through the Advance dialog (received → scoping →
ipab-submitted); then F2, ``/`` and "Kenia" key by key in the explorer, timed until the
Kenya card shows. Prints one JSON object: the request ids it logged, the steps it took, and
the timings in milliseconds.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from datetime import date, timedelta
from typing import Any

SIZE = (140, 45)
TIMEOUT = 120.0  # per wait; generous, for a host shared with other work


async def _until(pilot: Any, condition: Any, what: str) -> None:
    deadline = time.monotonic() + TIMEOUT
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what} ({_state(pilot.app)})")
        await pilot.pause(0.01)


def _state(app: Any) -> str:
    """What the app shows, for a timeout's message: the screen, a dialog's error, the
    board's request."""
    from textual.widgets import Static

    parts = [type(app.screen).__name__]
    for widget in app.screen.query(Static):
        if widget.id == "dialog-error":
            parts.append(str(getattr(widget.visual, "plain", widget.visual))[:300])
    detail = getattr(app.screen, "detail", None)
    if isinstance(detail, dict):
        request = detail.get("request", {})
        parts.append(f"request {request.get('id')} {request.get('state')}")
    return "; ".join(parts)


async def _settle(pilot: Any) -> None:
    """Wait until no worker of the app is running (what the user sees is complete)."""
    from textual.worker import WorkerState

    done = {WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED}
    await _until(pilot, lambda: all(w.state in done for w in pilot.app.workers), "workers")
    await pilot.pause()


async def _key(pilot: Any, key: str, timings: list[float]) -> None:
    began = time.perf_counter()
    await pilot.press(key)
    timings.append((time.perf_counter() - began) * 1000)


async def session(db: str, name: str, rounds: int, result: dict[str, Any]) -> None:
    from textual.widgets import Input

    from catalogue.tui.app import CatalogueApp
    from catalogue.tui.config import TuiConfig
    from catalogue.tui.dialogs.new_request import NewRequestDialog
    from catalogue.tui.dialogs.steps import AdvanceDialog
    from catalogue.tui.screens.board import BoardScreen

    start = (date.today() + timedelta(days=200)).isoformat()
    end = (date.today() + timedelta(days=209)).isoformat()
    app = CatalogueApp(db, TuiConfig())
    async with app.run_test(size=SIZE) as pilot:
        await _until(pilot, lambda: app.is_ready, "the app")

        def detail() -> dict[str, Any]:
            screen = app.screen
            if isinstance(screen, BoardScreen) and screen.detail is not None:
                return dict(screen.detail["request"])
            return {}

        for index in range(rounds):
            body = f"{name} police {index}"
            await pilot.press("f4")
            await _until(pilot, lambda: isinstance(app.screen, BoardScreen), "the board")
            await _settle(pilot)
            await pilot.press("n")
            await _until(pilot, lambda: isinstance(app.screen, NewRequestDialog), "the form")
            dialog = app.screen
            for key, value in (("country", "Kenya"), ("disciplines", "leadership"),
                               ("start", start), ("end", end)):
                dialog.query_one(f"#{key}", Input).value = value
            dialog.query_one("#body", Input).focus()
            for char in body:
                await _key(pilot, "space" if char == " " else char, result["keystroke_ms"])
            began = time.perf_counter()
            await pilot.press("ctrl+s")
            await _until(pilot, lambda body=body: detail().get("requesting_body") == body,
                         "the new request")
            result["save_ms"].append((time.perf_counter() - began) * 1000)
            request_id = int(detail()["id"])
            result["logged"].append(request_id)
            for target, reference in (("scoping", None), ("ipab-submitted", f"IPAB-{name}")):
                await _settle(pilot)
                if detail().get("id") != request_id:  # the board moved to another request
                    result["reopened"] += 1
                    app.open_request(request_id)
                    await _until(pilot, lambda rid=request_id: detail().get("id") == rid,
                                 "reopen")
                    await _settle(pilot)
                await pilot.press("a")
                await _until(pilot, lambda: isinstance(app.screen, AdvanceDialog), "advance")
                if reference:
                    app.screen.query_one("#reference", Input).value = reference
                await pilot.press("ctrl+s")
                await _until(pilot, lambda target=target: detail().get("state") == target,
                             f"{target}")
                result["advanced"].append([request_id, target])
            await pilot.press("f2")
            await pilot.press("slash")
            began = time.perf_counter()
            for char in "Kenia":
                await _key(pilot, char, result["keystroke_ms"])
            await _until(pilot, lambda: _card_shows(app, "Republic of Kenya"), "Kenya")
            result["search_ms"].append((time.perf_counter() - began) * 1000)
            await pilot.press("escape")


def _card_shows(app: Any, text: str) -> bool:
    from textual.widgets import Static

    for widget in app.screen.query(Static):
        visual = widget.visual
        if text in str(getattr(visual, "plain", visual)):
            return True
    return False


def main() -> None:
    db, name, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
    result: dict[str, Any] = {"name": name, "logged": [], "advanced": [], "keystroke_ms": [],
                              "save_ms": [], "search_ms": [], "errors": [], "reopened": 0}
    try:
        asyncio.run(session(db, name, rounds, result))
    except Exception as exc:  # what was done so far is reported with the error
        result["errors"].append(f"{type(exc).__name__}: {exc}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
