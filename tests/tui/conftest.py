"""Fixtures for pilot tests: an app on a private copy of the seeded database."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from catalogue.tui.app import CatalogueApp
from catalogue.tui.config import TuiConfig


@pytest.fixture
def make_app(db_path: Path) -> Callable[..., CatalogueApp]:
    """``make_app(page_size=50, keymap={...})``: an app with these settings, not the user's."""

    def make(**config: Any) -> CatalogueApp:
        return CatalogueApp(db_path, TuiConfig(**config))

    return make


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run ``async def`` tests in a fresh event loop (no async plugin needed)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True
