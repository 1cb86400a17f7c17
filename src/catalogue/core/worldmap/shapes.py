"""Country outlines from ``data/natural-earth/`` (TopoJSON), keyed by ISO 3166-1 alpha-2.

The TopoJSON keys countries by ISO numeric code; ``data/un-m49.csv`` joins them to alpha-2,
``unlisted.csv`` names the shapes that have no code, and ``points.csv`` gives one point for
each country too small to be drawn at 1:110m. Decoded once per process (and again only when a
file changes). Every problem is a DataFileError naming the file.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from catalogue.core.data.textfiles import read_csv, read_text
from catalogue.core.errors import DataFileError

FOLDER = "natural-earth"
TOPOLOGY = "countries-110m.json"
Ring = tuple[tuple[float, float], ...]
BBox = tuple[float, float, float, float]  # west, south, east, north


@dataclass(frozen=True)
class CountryShape:
    """One country's outline: rings filled even-odd, so holes (Lesotho in South Africa) stay."""

    code: str  # ISO alpha-2; "" for land that belongs to no country in the table
    name: str  # Natural Earth's name, for messages
    rings: tuple[Ring, ...]
    bbox: BBox
    main_bbox: BBox  # the largest polygon's (mainland France, not French Guiana)
    point: tuple[float, float]  # inside the largest polygon: where a too-small shape is marked


@dataclass(frozen=True)
class World:
    shapes: tuple[CountryShape, ...]
    token: str  # changes whenever a source file does: the raster cache's key


_cache: dict[str, World] = {}
_lock = threading.Lock()


def load_world(root: Path) -> World:
    """The outlines under ``root/natural-earth`` (decoded once per change of the files)."""
    folder = root / FOLDER
    names = (TOPOLOGY, "points.csv", "unlisted.csv")
    try:
        token = "|".join(f"{n}:{os.stat(folder / n).st_mtime_ns}" for n in names)
    except OSError as exc:
        raise DataFileError(f"data/{FOLDER}/{Path(exc.filename or '').name}", None,
                            "missing; reinstall or restore data/natural-earth/") from None
    token = f"{folder}|{token}"
    with _lock:
        if token not in _cache:
            _cache.clear()
            _cache[token] = World(_read(root, folder), token)
        return _cache[token]


def _read(root: Path, folder: Path) -> tuple[CountryShape, ...]:
    codes = {str(int(row.get("m49"))): row.get("alpha2")
             for row in read_csv(read_text(root / "un-m49.csv", root), ["alpha2", "m49"])
             if row.get("m49").isdigit()}
    unlisted_file = read_text(folder / "unlisted.csv", root)
    unlisted = {row.get("name"): row.get("code").upper()
                for row in read_csv(unlisted_file, ["name", "code", "note"])}
    file = read_text(folder / TOPOLOGY, root)
    try:
        topology = json.loads(file.text)
        arcs = _decode_arcs(topology)
        geometries = topology["objects"]["countries"]["geometries"]
        shapes = [_shape(g, arcs, codes, unlisted) for g in geometries]
    except json.JSONDecodeError as exc:
        raise file.fail(exc.lineno, f"not valid JSON: {exc.msg}") from None
    except (KeyError, IndexError, TypeError, ValueError) as exc:
        raise file.fail(None, f"not the expected TopoJSON ({type(exc).__name__}: {exc})") from None
    points_file = read_text(folder / "points.csv", root)
    for row in read_csv(points_file, ["m49", "name", "lon", "lat"]):
        code = codes.get(row.get("m49").lstrip("0") or "0")
        try:
            lon, lat = float(row.get("lon")), float(row.get("lat"))
        except ValueError:
            raise points_file.fail(row.line, "lon and lat must be numbers") from None
        if code is None or not (-180 <= lon <= 180 and -90 <= lat <= 90):
            raise points_file.fail(row.line, "unknown m49 code or a point off the globe")
        box = (lon, lat, lon, lat)
        shapes.append(CountryShape(code, row.get("name"), (), box, box, (lon, lat)))
    return tuple(s for s in shapes if s is not None)


def _decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs: list[list[tuple[float, float]]] = []
    for arc in topology["arcs"]:
        x = y = 0
        points: list[tuple[float, float]] = []
        for dx, dy in arc:
            x, y = x + int(dx), y + int(dy)
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> Ring:
    """A closed ring; one that crosses the date line (Chukotka, Fiji) is made continuous
    (longitudes past 180 or before -180), so no edge jumps across the whole map."""
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    shift = 0.0
    unwrapped = points[:1]
    for (x0, _), (x1, y1) in pairwise(points):
        if x1 - x0 > 180:
            shift -= 360
        elif x0 - x1 > 180:
            shift += 360
        unwrapped.append((x1 + shift, y1))
    return tuple(unwrapped)


def _bbox(rings: tuple[Ring, ...]) -> BBox:
    xs = [x for ring in rings for x, _ in ring]
    ys = [y for ring in rings for _, y in ring]
    return min(xs), min(ys), max(xs), max(ys)


def _area(ring: Ring) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1],
                                                                      strict=True)))


def _inside_point(ring: Ring) -> tuple[float, float]:
    """The middle of the widest run across the ring at its middle latitude."""
    west, south, east, north = _bbox((ring,))
    y = (south + north) / 2
    xs = sorted(x0 + (y - y0) * (x1 - x0) / (y1 - y0)
                for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True)
                if (y0 <= y < y1) or (y1 <= y < y0))
    runs = [(xs[i + 1] - xs[i], (xs[i] + xs[i + 1]) / 2) for i in range(0, len(xs) - 1, 2)]
    return (max(runs)[1] if runs else (west + east) / 2), y


def _shape(geometry: dict[str, Any], arcs: list[list[tuple[float, float]]],
           codes: dict[str, str], unlisted: dict[str, str]) -> CountryShape | None:
    kind = geometry.get("type")
    if kind not in {"Polygon", "MultiPolygon"}:
        return None
    name = str(geometry.get("properties", {}).get("name", ""))
    ident = geometry.get("id")
    code = codes.get(str(int(ident)), "") if ident is not None else unlisted.get(name, "")
    polygons = geometry["arcs"] if kind == "MultiPolygon" else [geometry["arcs"]]
    rings = tuple(_ring(arcs, ring) for polygon in polygons for ring in polygon)
    outer = max((_ring(arcs, polygon[0]) for polygon in polygons), key=_area)
    return CountryShape(code, name, rings, _bbox(rings), _bbox((outer,)), _inside_point(outer))
