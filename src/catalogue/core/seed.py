"""Build the reference tables from ``data/`` and write them in the caller's transaction.

Reference tables are dropped and rebuilt on every seed; user-owned tables (created by
migrations) are never touched. Features contribute tables through ``SEEDERS``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from catalogue.core.store import Store


@dataclass
class RefTable:
    """One reference table to (re)build."""

    name: str
    rows: list[dict[str, Any]]
    pk: str | tuple[str, ...] | None = None
    columns: dict[str, type] = field(default_factory=dict)
    indexes: list[list[str]] = field(default_factory=list)
    fts: list[str] = field(default_factory=list)


def geography_tables(root: Path) -> list[RefTable]:
    from catalogue.core.data.geography import load_geography

    geo = load_geography(root)
    search_rows: dict[str, list[str]] = {}
    for name in geo.names:
        if name["source"] not in {"alpha-2", "alpha-3", "numeric"}:
            search_rows.setdefault(name["code"], []).append(name["name"])
    country_columns = {"listed_as": str, "administered_by": str, "uk_mission": str,
                       "region": str, "subregion": str, "intermediate": str,
                       "liaison_area": str, "liaison_area_name": str, "note": str,
                       "alpha3": str, "numeric": str, "iso_name": str, "m49": str,
                       "hr_priority_year": int}
    return [
        RefTable("countries", list(geo.countries.values()), pk="code", columns=country_columns,
                 indexes=[["region"], ["subregion"], ["liaison_area"], ["assisted"]]),
        RefTable("country_names", geo.names, indexes=[["key"], ["code"]]),
        RefTable("country_search",
                 [{"code": c, "names": " | ".join(n)} for c, n in search_rows.items()],
                 pk="code", fts=["names"]),
        RefTable("liaison_areas", geo.areas, pk="id",
                 columns={"description": str, "basis": str}),
        RefTable("hr_priority_lists", geo.hr_lists, pk="year"),
        RefTable("hr_priority_entries", geo.hr_entries, indexes=[["code"]]),
    ]


def catalog_tables(root: Path) -> list[RefTable]:
    from catalogue.core.data.catalog import load_catalog

    catalog = load_catalog(root)
    return [
        RefTable("levels", catalog.levels, pk="id"),
        RefTable("principles", catalog.principles, pk="id"),
        RefTable("ethics", catalog.ethics, pk=("edition", "kind", "id"),
                 columns={"summary": str}),
        RefTable("disciplines", catalog.disciplines, pk="id"),
        RefTable("modules", catalog.modules, pk="id",
                 columns={"note": str, "sensitivity_basis": str},
                 indexes=[["discipline_id"]], fts=["title", "summary"]),
    ]


def _sensitivity_tables(root: Path) -> list[RefTable]:
    from catalogue.core.data.sensitivity import load_sensitivity

    return [RefTable("sensitivity_levels", load_sensitivity(root), pk="id")]


def _policy_tables(root: Path) -> list[RefTable]:
    from catalogue.core.rules.policy import policy_tables

    return policy_tables(root)


def _costing_tables(root: Path) -> list[RefTable]:
    from catalogue.core.programmes.costing import costing_tables

    return costing_tables(root)


def _map_tables(root: Path) -> list[RefTable]:
    from catalogue.core.worldmap.regions import map_view_tables

    return map_view_tables(root)


def _stats_tables(root: Path) -> list[RefTable]:
    from catalogue.core.stats.targets import target_tables

    return target_tables(root)


SEEDERS: list[Callable[[Path], list[RefTable]]] = [geography_tables, catalog_tables,
                                                   _sensitivity_tables, _policy_tables,
                                                   _costing_tables, _map_tables,
                                                   _stats_tables]


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
