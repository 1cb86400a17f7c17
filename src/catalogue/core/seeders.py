"""Every reference-table seeder, in order. Features add their own seeder here."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any


def all_seeders() -> list[Callable[[Path], list[Any]]]:
    from catalogue.core import seed
    from catalogue.core.osja.riskdata import osja_tables

    return [*seed.SEEDERS, osja_tables]
