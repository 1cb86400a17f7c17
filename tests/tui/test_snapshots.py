"""Snapshot tests (reviewed by eye before acceptance): home, builder, board and help.

Dates are pinned (records created at fixed times, "now" fixed for ages) so the pictures do
not change from day to day. Update after reviewing with ``pytest --snapshot-update``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from catalogue.core.programmes.changes import add_modules, create_programme
from catalogue.core.requests.register import create_request
from catalogue.core.requests.workflow import advance
from catalogue.core.rules.scope import build_scope
from catalogue.core.store import Store
from catalogue.tui.app import CatalogueApp
from catalogue.tui.config import TuiConfig
from tui.helpers import SIZE, ready, settle, wait_for

CREATED = datetime(2026, 1, 5, 9, 30, tzinfo=UTC)
NOW = datetime(2026, 2, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def pinned_now(monkeypatch: pytest.MonkeyPatch) -> None:
    """The clock, and the OS login the audit trail records (the card's "Received ... by")."""
    from catalogue.core import identity
    from catalogue.core.requests import clock, register, workflow

    monkeypatch.setattr(register, "utc_now", lambda: NOW)
    monkeypatch.setattr(clock, "utc_now", lambda: NOW)
    monkeypatch.setattr(workflow, "utc_now", lambda: NOW)
    monkeypatch.setattr(identity, "os_login", lambda: "a.officer")


@pytest.fixture
def pinned_config(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CATALOGUE_CONFIG", "/home/officer/.config/catalogue/config.toml")


def _app(db_path: Path) -> CatalogueApp:
    return CatalogueApp(db_path, TuiConfig())


def test_home_screen(snap_compare: Any, db_path: Path) -> None:
    async def run_before(pilot: Any) -> None:
        await ready(pilot)

    assert snap_compare(_app(db_path), terminal_size=SIZE, run_before=run_before)


def test_builder(snap_compare: Any, db_path: Path, store: Store) -> None:
    programme_id = create_programme(store, {"title": "Investigation for [bold]DCI[/] leads",
                                            "country": "Kenya", "trainers": 2,
                                            "cohort_size": 18, "start_date": "2026-09-07",
                                            "audience_level": "inspector"})
    add_modules(store, programme_id, ["inv-peace-interviewing", "cmd-national-decision-model",
                                      "cmd-decision-logs"])
    with store.write() as conn:
        conn.execute("UPDATE programmes SET created_at = ?, updated_at = ?",
                     (CREATED.isoformat(timespec="seconds"),) * 2)

    async def run_before(pilot: Any) -> None:
        await ready(pilot)
        pilot.app.open_builder(programme_id=programme_id)
        await wait_for(pilot, lambda: getattr(pilot.app.screen, "outline", None) is not None,
                       what="outline")
        await pilot.pause(0.3)
        await settle(pilot)

    assert snap_compare(_app(db_path), terminal_size=SIZE, run_before=run_before)


def test_board(snap_compare: Any, db_path: Path, store: Store, pinned_now: None) -> None:
    first = create_request(store, "Kenya Police Service",
                           build_scope(store, "Kenya", disciplines=["leadership"], cohort=20),
                           by="a.officer", now=CREATED)
    create_request(store, "Punjab Police", build_scope(store, "Pakistan",
                                                       disciplines=["counter-terrorism"],
                                                       location="in-country"),
                   by="a.officer", now=CREATED)
    advance(store, first.id, by="a.officer", now=CREATED)

    async def run_before(pilot: Any) -> None:
        await ready(pilot)
        pilot.app.open_request(first.id)
        await wait_for(pilot, lambda: getattr(pilot.app.screen, "detail", None) is not None,
                       what="request")
        await settle(pilot)

    assert snap_compare(_app(db_path), terminal_size=SIZE, run_before=run_before)


def test_help(snap_compare: Any, db_path: Path, pinned_config: None) -> None:
    async def run_before(pilot: Any) -> None:
        await ready(pilot)
        await pilot.press("f1")
        await settle(pilot)

    assert snap_compare(_app(db_path), terminal_size=SIZE, run_before=run_before)
