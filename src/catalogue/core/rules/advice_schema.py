"""The user's travel-advice table (a migration). Light: every database open lists migrations."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def m_advice_001_travel_advice(db: Any) -> None:
    """The user's travel-advice entries, one per country (the latest recorded)."""
    db["travel_advice"].create(
        {"code": str, "level": str, "part": str, "as_of": str, "note": str,
         "set_by": str, "set_at": str},
        pk="code", not_null={"level", "as_of", "set_by", "set_at"}, if_not_exists=True)


STEPS: list[Callable[[Any], None]] = [m_advice_001_travel_advice]
