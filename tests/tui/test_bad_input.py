"""Hostile text in the app's search boxes and palette: shown literally, never a crash,
never a changed database (the CLI's corpus is in tests/test_hardening_cli_input.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from catalogue.core.errors import CatalogueError
from catalogue.core.programmes import pages as programme_pages
from catalogue.core.requests import pages as request_pages
from catalogue.core.store import Store, open_store
from catalogue.tui.widgets.paged_table import PagedTable
from tui.helpers import SIZE, ready, settle, wait_for

CORPUS = {
    "empty": "",
    "long": "Kenya " * 2000,
    "controls": "Ken\x00ya\x07\x08\r\n",
    "ansi": "\x1b[31mKenya\x1b[0m",
    "c1": "\x9b31mKenya",
    "markup": "[bold]Kenya[/] [link=https://example.org]x[/link]",
    "sql": "'; DROP TABLE countries; --",
    "fts": '" * NEAR( AND OR -',
    "unicode-digits": "²³",
    "surrogate": "Ken\udcffya",
}


def _snapshot(path: Path) -> list[tuple[Any, ...]]:
    with open_store(path) as store:
        return [tuple(r) for r in store.query(
            "SELECT 'countries', count(*) FROM countries UNION ALL "
            "SELECT 'programmes', count(*) FROM programmes UNION ALL "
            "SELECT 'requests', count(*) FROM requests")]


async def _search_everything(app: Any, pilot: Any, input_id: str, table_id: str) -> None:
    search = app.screen.query_one(f"#{input_id}", Input)
    for name, text in CORPUS.items():
        search.value = text
        await settle(pilot)
        table = app.screen.query_one(f"#{table_id}", PagedTable)
        assert table.row_total >= 0, name
        assert app.return_code is None, f"{name}: the app stopped"
    search.value = ""
    await settle(pilot)


async def test_explorer_search_survives_the_corpus(make_app, db_path: Path) -> None:
    before = _snapshot(db_path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await _search_everything(app, pilot, "search", "countries")
    assert _snapshot(db_path) == before


async def test_builder_search_survives_the_corpus(make_app, db_path: Path) -> None:
    before = _snapshot(db_path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("f3")
        await wait_for(pilot, lambda: bool(app.screen.query("#programme-search")),
                       what="the builder")
        await _search_everything(app, pilot, "programme-search", "programmes")
    assert _snapshot(db_path) == before


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_palette_searches_take_any_text(store: Store, name: str) -> None:
    """A list of hits, or a one-line CatalogueError the palette shows (never anything else)."""
    for find in (programme_pages.find_programmes, request_pages.find_requests):
        try:
            assert isinstance(find(store, CORPUS[name]), list)
        except CatalogueError as exc:
            assert "\n" not in str(exc)
