"""Pilot: the Code of Ethics screen (F8, or the command palette), every edition or one."""

from __future__ import annotations

from typing import Any

from textual.command import CommandPalette
from textual.widgets import Static

from catalogue.tui.screens.ethics import EthicsScreen
from catalogue.tui.screens.explorer import ExplorerScreen
from tui.helpers import SIZE, plain, ready, settle, type_text, wait_for


def _shown(app: Any) -> str:
    return plain(app.screen.query_one("#ethics-text", Static))


async def test_f8_shows_both_editions_and_e_steps_through_them(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("f8")
        await wait_for(pilot, lambda: isinstance(app.screen, EthicsScreen)
                       and "Courage" in _shown(app), what="the Code of Ethics")
        text = _shown(app)
        assert text.index("Code of Ethics (2024)") < text.index("Code of Ethics (2014)")
        assert "current edition" in text and "Source: College of Policing" in text
        assert "Standards of Professional Behaviour (10)" in text
        assert "Principles (9)" in text and "Principles (3)" in text
        await pilot.press("e")  # the newest edition alone
        await settle(pilot)
        assert "Courage" in _shown(app) and "Selflessness" not in _shown(app)
        await pilot.press("e")  # then the 2014 edition
        await settle(pilot)
        assert "Selflessness" in _shown(app) and "Courage" not in _shown(app)
        await pilot.press("e")  # and back to every edition
        await settle(pilot)
        assert "Selflessness" in _shown(app) and "Courage" in _shown(app)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ExplorerScreen)


async def test_the_palette_opens_one_edition(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette), what="palette")
        await type_text(pilot, "code of ethics 2014")
        await pilot.pause(0.3)
        await settle(pilot)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, EthicsScreen)
                       and "Selflessness" in _shown(app), what="the 2014 edition")
        assert "Courage" not in _shown(app)
        assert app.screen.query_one("#ethics-body").border_title == \
            "Code of Ethics · 2014 edition"
