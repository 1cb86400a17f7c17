"""Zooming the map: which countries a region covers, and what part of the globe it shows.

A region is a UN region, sub-region, intermediate region or liaison area (any case). Its view
is the one in ``data/map-views.toml`` (seeded as ``map_views``) if there is one, else the
mainland of every country in it with a margin.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from catalogue.core.errors import InvalidInputError
from catalogue.core.names import fold
from catalogue.core.worldmap.raster import WORLD
from catalogue.core.worldmap.shapes import BBox, World

if TYPE_CHECKING:
    from catalogue.core.store import Store

VIEWS_FILE = "map-views.toml"
COLUMNS = ("region", "subregion", "intermediate", "liaison_area_name")
MARGIN = 0.08


@dataclass(frozen=True)
class Region:
    """A zoom: its name, the countries in it (None: the whole world) and the part shown."""

    name: str
    codes: frozenset[str] | None
    view: BBox


def map_view_tables(root: Path) -> list[Any]:
    """``data/map-views.toml`` as the ``map_views`` reference table (checked, file:line)."""
    from catalogue.core.data.textfiles import parse_toml, read_text
    from catalogue.core.ref_table import RefTable

    file = read_text(root / VIEWS_FILE, root)
    views = parse_toml(file).get("view")
    if not isinstance(views, list) or not views:
        raise file.fail(None, "expected one or more [[view]] tables")
    rows: dict[str, dict[str, Any]] = {}
    for number, view in enumerate(views, start=1):
        name = view.get("name") if isinstance(view, dict) else None
        if not isinstance(name, str) or not name.strip():
            raise file.fail(None, f"view {number} has no name")
        line = file.line_of("name", name)
        if fold(name) in rows:
            raise file.fail(line, f"a second view named {name!r}")
        edges = {}
        for key, low, high in (("west", -180, 180), ("south", -90, 90), ("east", -180, 360),
                               ("north", -90, 90)):
            value = view.get(key)
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise file.fail(line, f"view {name!r}: {key} must be a number of degrees")
            if not low <= value <= high:
                raise file.fail(line, f"view {name!r}: {key} {value} is not within {low} to {high}")
            edges[key] = float(value)
        if edges["west"] >= edges["east"] or edges["south"] >= edges["north"]:
            raise file.fail(line, f"view {name!r}: west must be less than east and south "
                                  "less than north")
        rows[fold(name)] = {"name": name.strip(), **edges}
    return [RefTable("map_views", list(rows.values()), pk="name")]


def region_names(store: Store) -> list[str]:
    """Every region the map can zoom to, UN regions first."""
    names: list[str] = []
    for column in COLUMNS:
        names += [r[0] for r in store.query(f"SELECT DISTINCT {column} FROM countries WHERE "
                                            f"{column} IS NOT NULL ORDER BY 1")
                  if r[0] not in names]
    return names


def resolve_region(store: Store, world: World, text: str | None) -> Region:
    """The zoom for ``text`` (None, "" or "World": the whole world)."""
    if not text or fold(text) == "world":
        return Region("World", None, _stored_view(store, "World") or WORLD)
    wanted = fold(text)
    for column in COLUMNS:
        for (value,) in store.query(f"SELECT DISTINCT {column} FROM countries "
                                    f"WHERE {column} IS NOT NULL"):
            if fold(value) == wanted:
                codes = frozenset(r[0] for r in store.query(
                    f"SELECT code FROM countries WHERE {column} = ?", (value,)))
                view = _stored_view(store, value) or _framed(world, codes)
                return Region(value, codes, view)
    raise InvalidInputError(f"unknown region {text!r}; choose a UN region, sub-region or "
                            f"liaison area such as: {', '.join(region_names(store)[:8])}")


def _stored_view(store: Store, name: str) -> BBox | None:
    row = store.one("SELECT west, south, east, north FROM map_views WHERE name = ? "
                    "COLLATE NOCASE", (name,))
    return (row[0], row[1], row[2], row[3]) if row else None


def _framed(world: World, codes: frozenset[str]) -> BBox:
    boxes = [s.main_bbox for s in world.shapes if s.code in codes]
    if not boxes:
        return WORLD
    west, south = min(b[0] for b in boxes), min(b[1] for b in boxes)
    east, north = max(b[2] for b in boxes), max(b[3] for b in boxes)
    pad_x, pad_y = max((east - west) * MARGIN, 2.0), max((north - south) * MARGIN, 2.0)
    return (max(west - pad_x, -180.0), max(south - pad_y, -90.0), min(east + pad_x, 180.0),
            min(north + pad_y, 90.0))
