"""Build the reference tables from ``data/`` and write them in the caller's transaction.

Reference tables are dropped and rebuilt on every seed; user-owned tables (created by
migrations) are never touched. Which tables there are is the seeder registry's business
(:mod:`catalogue.core.seeders`); this module only builds and writes them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from catalogue.core.ref_table import RefTable

if TYPE_CHECKING:
    from catalogue.core.store import Store

__all__ = ["RefTable", "build", "write"]


def build(root: Path | str) -> list[RefTable]:
    """Read and validate every data file; raises DataFileError with file:line."""
    from catalogue.core import seeders

    root = Path(root)
    tables: list[RefTable] = []
    for seeder in seeders.all_seeders():
        tables.extend(seeder(root))
    return tables


def write(store: Store, tables: list[RefTable], data_hash: str) -> None:
    """Replace the reference tables. Must run inside ``store.write()``."""
    db = store.db
    assert store.conn.in_transaction, "seed.write must run inside a transaction"
    names = [t.name for t in tables]
    previous = store.meta("reference_tables") or ""
    for name in {*names, *filter(None, previous.split(","))}:
        if db[name + "_fts"].exists():
            db[name + "_fts"].drop()
        db[name].drop(ignore=True)
    for table in tables:
        target = db[table.name]
        if table.rows:
            target.insert_all(table.rows, pk=table.pk, columns=table.columns or None)  # type: ignore[union-attr]
        elif table.columns:
            target.create(table.columns, pk=table.pk)  # type: ignore[union-attr]
        else:
            raise ValueError(f"reference table {table.name} has no rows and no columns")
        for index in table.indexes:
            target.create_index(index)  # type: ignore[union-attr]
        if table.fts:
            target.enable_fts(table.fts, create_triggers=True)  # type: ignore[union-attr]
    now = datetime.now(UTC).isoformat(timespec="seconds")
    db["_meta"].upsert_all(  # type: ignore[union-attr]
        [{"key": "data_hash", "value": data_hash},
         {"key": "seeded_at", "value": now},
         {"key": "reference_tables", "value": ",".join(names)}],
        pk="key",
    )
