"""One reference table to (re)build from ``data/``: what every feature's seeder returns.

At the bottom of the core's imports: features import it, the seeder registry
(:mod:`catalogue.core.seeders`) collects their tables, and :mod:`catalogue.core.seed`
writes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class RefTable:
    """One reference table to (re)build."""

    name: str
    rows: list[dict[str, Any]]
    pk: str | tuple[str, ...] | None = None
    columns: dict[str, type] = field(default_factory=dict)
    indexes: list[list[str]] = field(default_factory=list)
    fts: list[str] = field(default_factory=list)
