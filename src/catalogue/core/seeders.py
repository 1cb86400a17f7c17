"""The one seeder registry: every reference table, in order, from ``data/``.

Each entry reads its data files (raising DataFileError with file:line) and returns
:class:`~catalogue.core.ref_table.RefTable` s. Features' seeders are imported when the
registry is read, so opening the store does not import every feature. Add a feature's
tables by adding its seeder to :func:`all_seeders`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from catalogue.core.ref_table import RefTable


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


def _osja_tables(root: Path) -> list[RefTable]:
    from catalogue.core.osja.riskdata import osja_tables

    return osja_tables(root)


def _iati_tables(root: Path) -> list[RefTable]:
    from catalogue.core.iati.settings import iati_tables

    return iati_tables(root)


def _ipab_form_tables(root: Path) -> list[RefTable]:
    from catalogue.core.requests.ipab_form import form_tables

    return form_tables(root)


def all_seeders() -> list[Callable[[Path], list[RefTable]]]:
    return [geography_tables, catalog_tables, _sensitivity_tables, _policy_tables,
            _costing_tables, _map_tables, _stats_tables, _osja_tables, _iati_tables,
            _ipab_form_tables]
