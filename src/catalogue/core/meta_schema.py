"""The first migration: the ``_meta`` table (data hash, seeding time and other facts)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database


def m001_meta(db: Database) -> None:
    """Key/value facts about the database: data hash, seeding time."""
    db["_meta"].create({"key": str, "value": str}, pk="key", if_not_exists=True)  # type: ignore[union-attr]


STEPS: list[Callable[[Any], None]] = [m001_meta]
