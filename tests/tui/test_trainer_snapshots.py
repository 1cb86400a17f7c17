"""Snapshot tests (reviewed by eye before acceptance) of the Trainers and Calendar screens,
at 140x45 and 80x24. Dates are fixed far ahead so the pictures do not change with today.
Update after reviewing with ``pytest --snapshot-update``."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from catalogue.core.store import open_store
from catalogue.core.trainers import roster
from catalogue.core.trainers.assignments import assign
from catalogue.tui.app import CatalogueApp
from catalogue.tui.config import TuiConfig
from trainer_helpers import programme
from tui.helpers import SIZE, ready, settle, wait_for

SMALL = (80, 24)


@pytest.fixture(autouse=True)
def pinned_trail(monkeypatch: pytest.MonkeyPatch) -> None:
    """The trainer trail's time and OS login (the card's Changes) fixed for the pictures."""
    from catalogue.core import identity
    from catalogue.core.trainers import assignments

    for module in (roster, assignments):
        monkeypatch.setattr(module, "stamp", lambda *_: "2026-06-01T09:30:00Z")
    monkeypatch.setattr(identity, "os_login", lambda: "officer")


def _fill(db_path: Path) -> None:
    with open_store(db_path) as store:
        first = roster.add_trainer(store, "A. Okafor", "associate", by="t",
                                   languages=["French"], disciplines=["command"])
        second = roster.add_trainer(store, "B. Jones", "serving-officer", by="t",
                                    force="Kent Police", disciplines=["investigation"])
        roster.accredit(store, first, "discipline", "command", by="t",
                        accredited_on="2026-01-10", expires_on="2040-01-09",
                        today=date(2026, 6, 1))
        roster.set_unavailable(store, first, "2040-03-20", "2040-03-24", by="t",
                               reason="leave")
        kenya = programme(store, "2040-03-05", mode="uk", title="Command course",
                          modules=("cmd-national-decision-model", "cmd-decision-logs"))
        ghana = programme(store, "2040-03-06", country="Ghana", mode="in-country",
                          title="Investigation", modules=("inv-peace-interviewing",))
        assign(store, first, kenya, by="t", role="lead")
        assign(store, first, ghana, by="t")
        assign(store, second, ghana, by="t")


@pytest.mark.parametrize("size", [SIZE, SMALL], ids=["140x45", "80x24"])
def test_roster_screen(snap_compare: Any, db_path: Path, size: tuple[int, int]) -> None:
    _fill(db_path)

    async def run_before(pilot: Any) -> None:
        await ready(pilot)
        await pilot.press("f9")
        await wait_for(pilot, lambda: getattr(pilot.app.screen, "detail", None) is not None,
                       what="roster")

    assert snap_compare(CatalogueApp(db_path, TuiConfig()), terminal_size=size,
                        run_before=run_before)


@pytest.mark.parametrize("size", [SIZE, SMALL], ids=["140x45", "80x24"])
def test_calendar_screen(snap_compare: Any, db_path: Path, size: tuple[int, int]) -> None:
    _fill(db_path)

    async def run_before(pilot: Any) -> None:
        await ready(pilot)
        await pilot.press("f10")
        await wait_for(pilot, lambda: getattr(pilot.app.screen, "calendar", None) is not None,
                       what="calendar")
        screen = pilot.app.screen
        screen.month = "2040-02"
        await pilot.press("n")
        await wait_for(pilot, lambda: screen.calendar.month == "2040-03", what="March 2040")
        await settle(pilot)

    assert snap_compare(CatalogueApp(db_path, TuiConfig()), terminal_size=size,
                        run_before=run_before)
