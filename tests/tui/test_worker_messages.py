"""Workers hand their results to screens as typed messages, and a superseded worker's is dropped."""

from __future__ import annotations

import ast
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual import on, work
from textual.app import App

from catalogue.tui.workers import Loaded, WorkerResults, deliver

TUI = Path(__file__).resolve().parents[2] / "src" / "catalogue" / "tui"


class Answer(Loaded[str]):
    """What the slow lookup found."""


class SlowApp(WorkerResults, App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []
        self.failures: list[str] = []
        self.release = threading.Event()
        self.began: list[str] = []  # the workers' threads that have started
        self.ended: list[str] = []  # ... and returned

    @work(thread=True, exclusive=True, exit_on_error=False, group="lookup")
    def look_up(self, answer: str, wait: bool) -> None:
        self.began.append(answer)
        try:
            if wait:
                self.release.wait(5)
            if answer == "fail":
                raise ValueError(answer)
            deliver(self, Answer(answer))
        finally:
            self.ended.append(answer)

    @on(Answer)
    def show_answer(self, message: Answer) -> None:
        self.shown.append(message.result)

    def worker_failed(self, group: str, error: BaseException | None) -> None:
        self.failures.append(f"{group}: {error}")


async def _finished(pilot: Any, condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + 5
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await pilot.pause(0.02)


async def test_only_the_newest_worker_of_a_group_is_shown() -> None:
    app = SlowApp()
    async with app.run_test() as pilot:
        app.look_up("stale", wait=True)  # still running when the next one starts
        await _finished(pilot, lambda: "stale" in app.began)
        app.look_up("fresh", wait=False)
        await _finished(pilot, lambda: app.shown == ["fresh"])
        app.release.set()  # the stale worker ends after the fresh one
        await _finished(pilot, lambda: "stale" in app.ended)
        await pilot.pause(0.1)
        assert app.shown == ["fresh"]


async def test_a_failure_reaches_worker_failed_with_its_group() -> None:
    app = SlowApp()
    async with app.run_test() as pilot:
        app.look_up("fail", wait=False)
        await _finished(pilot, lambda: bool(app.failures))
        assert app.shown == [] and app.failures == ["lookup: fail"]


def test_results_do_not_bubble() -> None:
    assert Answer.bubble is False and Loaded.bubble is False


def test_every_worker_delivers_a_message_rather_than_returning_its_result() -> None:
    """A thread worker of a screen returns nothing: its result goes out as a message, so no
    handler is found by name."""
    returning = []
    for path in sorted(TUI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.FunctionDef):
                continue
            decorated = any(isinstance(d, ast.Call) and getattr(d.func, "id", "") == "work"
                            for d in node.decorator_list)
            returns_none = isinstance(node.returns, ast.Constant) and node.returns.value is None
            if decorated and not returns_none:
                returning.append(f"{path.name}:{node.name}")
        assert 'getattr(self, f"show_' not in path.read_text(), path
    assert returning == []
