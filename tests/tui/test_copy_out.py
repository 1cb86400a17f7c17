"""Copy out in the app: `c` puts the core's plain text on the clipboard through the public
App.copy_to_clipboard (OSC 52) and says what was copied."""

from __future__ import annotations

from typing import Any

from catalogue.core.exports.plain_text import outline_plain_text
from catalogue.core.programmes.outline import build_outline
from catalogue.core.requests.register import create_request
from catalogue.core.requests.summary import request_plain_text
from catalogue.core.rules.scope import build_scope
from catalogue.core.store import Store
from catalogue.tui.app import CatalogueApp
from catalogue.tui.config import TuiConfig
from catalogue.tui.screens.builder import BuilderScreen
from catalogue.tui.widgets.paged_table import PagedTable
from programme_helpers import make_programme
from tui.helpers import SIZE, ready, record_notices, settle, show_request, wait_for


class RecordingApp(CatalogueApp):
    """The app, remembering every text it was asked to copy."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.copied: list[str] = []

    def copy_to_clipboard(self, text: str) -> None:
        self.copied.append(text)
        super().copy_to_clipboard(text)


async def test_board_copies_the_request_summary(db_path: Any, store: Store) -> None:
    request = create_request(store, "Kenya Police [bold]Service[/]",
                             build_scope(store, "Kenya", disciplines=["leadership"]),
                             by="tester")
    app = RecordingApp(db_path, TuiConfig())
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        notices = record_notices(app)
        screen = await show_request(pilot, request.id)
        screen.query_one("#requests", PagedTable).focus()
        await pilot.press("c")
        await settle(pilot)
        assert app.copied == [request_plain_text(screen.detail)]
        assert app.clipboard == app.copied[0]  # what the app itself would paste
        assert app.copied[0].startswith(f"Request {request.id}: Kenya Police [bold]Service[/]\n")
        assert "Clock:" in app.copied[0] and "Target days: local practice" in app.copied[0]
        assert any(n.startswith(f"Copied request {request.id}'s summary to the clipboard")
                   for n in notices)


async def test_board_has_nothing_to_copy_without_a_request(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("f4")
        await settle(pilot)
        notices = record_notices(app)
        await pilot.press("c")  # no request: the key is disabled, nothing is copied
        await settle(pilot)
        assert app.clipboard == "" and not notices


async def test_builder_copies_the_outline(db_path: Any, store: Store) -> None:
    programme = make_programme(store, ["cmd-national-decision-model", "cmd-decision-logs"],
                               title="Command course")
    app = RecordingApp(db_path, TuiConfig())
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        notices = record_notices(app)
        app.open_builder(programme_id=programme)
        await wait_for(pilot, lambda: isinstance(app.screen, BuilderScreen)
                       and app.screen.outline is not None, what="outline")
        app.screen.query_one("#modules", PagedTable).focus()
        await pilot.press("c")
        await settle(pilot)
        assert app.copied == [outline_plain_text(build_outline(store, programme))]
        assert app.copied[0].startswith("Command course\n")
        assert any(n.startswith(f"Copied programme {programme}'s outline") for n in notices)


async def test_explorer_copies_the_country_card(db_path: Any, store: Store) -> None:
    from catalogue.core.card_view import card_plain_text, card_view_of

    app = RecordingApp(db_path, TuiConfig())
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = app.screen
        await wait_for(pilot, lambda: screen.detail_key == ("country", "AF"), what="card")
        notices = record_notices(app)
        await pilot.press("c")
        await wait_for(pilot, lambda: bool(app.copied), what="copied")
        assert app.copied == [card_plain_text(card_view_of(store, "AF"))]
        assert app.copied[0].splitlines()[0].endswith("Afghanistan")
        assert "Official name" in app.copied[0] and "[" not in app.copied[0].splitlines()[1]
        assert any(n.startswith("Copied Afghanistan's country card") for n in notices)

        screen.query_one("#disciplines").focus()  # a discipline's card: not a country
        await wait_for(pilot, lambda: (screen.detail_key or ("",))[0] == "discipline",
                       what="discipline card")
        await pilot.press("c")
        await settle(pilot)
        assert len(app.copied) == 1
        assert any(n.startswith("Copy takes a country's card") for n in notices)
