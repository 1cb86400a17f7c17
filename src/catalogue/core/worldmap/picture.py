"""The map as the faces draw it: cells of two coloured pixels, a legend, and who is where.

``world_map()`` does all the work (outlines, raster, shading, colour runs) so that a face only
turns runs into text: the app calls it in a worker and draws the result on the UI thread.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from catalogue.core.store import Store
from catalogue.core.worldmap.raster import Raster, rasterise
from catalogue.core.worldmap.regions import Region, resolve_region
from catalogue.core.worldmap.shading import Shading, shade
from catalogue.core.worldmap.shapes import load_world

SEA = ""
OUTSIDE = "#3b4048"  # land outside the region zoomed to, or in no country of the table
HIGHLIGHT = "#ffffff"
MIN_CELLS = (10, 4)
MAX_CELLS = (400, 200)
#: One run of cells in a row: how many, the top pixel's colour, the bottom pixel's colour.
Run = tuple[int, str, str]


@dataclass(frozen=True)
class MapPicture:
    width: int  # cells
    height: int
    raster: Raster  # two pixel rows per cell row
    shading: Shading
    region: Region
    highlight: str | None
    names: dict[str, str]  # alpha-2 -> common name, for the countries drawn
    lines: tuple[tuple[Run, ...], ...]  # one per cell row
    colours: tuple[str, ...]  # per raster index (minus one)
    centres: dict[str, tuple[float, float]]  # alpha-2 -> middle of its cells (x, y)

    def country_at(self, x: int, y: int) -> str | None:
        """The country drawn at cell (x, y), if any (top pixel first)."""
        for code in (self.raster.code_at(x, 2 * y), self.raster.code_at(x, 2 * y + 1)):
            if code:
                return code
        return None

    def describe(self, code: str) -> str:
        """A country's name and what the shading says about it."""
        name = self.names.get(code, code)
        index = self.shading.classes.get(code)
        said = self.shading.values.get(code) or (
            self.shading.categories[index].label if index is not None else "no data")
        return f"{name}: {said}"

    def lines_highlighting(self, code: str | None) -> dict[int, tuple[Run, ...]]:
        """The rows that change when ``code`` is drawn highlighted, drawn so."""
        if not code or code not in self.raster.codes:
            return {}
        index = self.raster.codes.index(code) + 1
        colours = list(self.colours)
        colours[index - 1] = HIGHLIGHT
        return {y: _runs(self.raster, colours, y) for y in range(self.height)
                if index in self.raster.rows[2 * y] or index in self.raster.rows[2 * y + 1]}

    def step(self, code: str | None, dx: int, dy: int) -> str | None:
        """The nearest country in direction (dx, dy) from ``code``'s middle (within the
        region zoomed to, if any)."""
        inside = self.region.codes
        centres = {c: xy for c, xy in self.centres.items() if inside is None or c in inside}
        if code not in self.centres:
            return min(centres, key=lambda c: centres[c], default=None)
        x0, y0 = self.centres[code]
        best: tuple[float, str] | None = None
        for other, (x, y) in centres.items():
            ahead = (x - x0) * dx + (y - y0) * 2 * dy
            if other == code or ahead <= 0:
                continue
            side = abs((x - x0) * dy) + abs((y - y0) * 2 * dx)
            score = math.hypot(ahead, side * 2)
            if best is None or score < best[0]:
                best = (score, other)
        return best[1] if best else code


def world_map(store: Store, *, shading: str = "assisted", region: str | None = None,
              width: int = 80, height: int = 24, highlight: str | None = None,
              discipline: str | None = None, since: date | None = None,
              root: Path | None = None) -> MapPicture:
    """The map of ``region`` shaded by ``shading``, ``width`` x ``height`` cells."""
    from catalogue.core.data.location import data_dir

    width = min(max(width, MIN_CELLS[0]), MAX_CELLS[0])
    height = min(max(height, MIN_CELLS[1]), MAX_CELLS[1])
    world = load_world(root or data_dir())
    zoom = resolve_region(store, world, region)
    shaded = shade(store, shading, zoom.codes, discipline=discipline, since=since)
    raster = rasterise(world, zoom.view, width, 2 * height)
    colours = [_colour(code, shaded, zoom, highlight) for code in raster.codes]
    lines = tuple(_runs(raster, colours, y) for y in range(height))
    names = {r[0]: r[1] for r in store.query("SELECT code, name FROM countries")
             if r[0] in set(raster.codes)}
    return MapPicture(width, height, raster, shaded, zoom, highlight, names, lines,
                      tuple(colours), _centres(raster))


def _colour(code: str, shaded: Shading, zoom: Region, highlight: str | None) -> str:
    if code and code == highlight:
        return HIGHLIGHT
    if not code or (zoom.codes is not None and code not in zoom.codes):
        return OUTSIDE
    index = shaded.classes.get(code)
    return shaded.categories[index].colour if index is not None else OUTSIDE


def _runs(raster: Raster, colours: list[str], y: int) -> tuple[Run, ...]:
    top, bottom = raster.rows[2 * y], raster.rows[2 * y + 1]
    runs: list[Run] = []
    for a, b in zip(top, bottom, strict=True):
        pair = (colours[a - 1] if a else SEA, colours[b - 1] if b else SEA)
        if runs and runs[-1][1:] == pair:
            runs[-1] = (runs[-1][0] + 1, *pair)
        else:
            runs.append((1, *pair))
    return tuple(runs)


def _centres(raster: Raster) -> dict[str, tuple[float, float]]:
    sums: dict[int, list[float]] = {}
    for y, row in enumerate(raster.rows):
        for x, index in enumerate(row):
            if index:
                total = sums.setdefault(index, [0.0, 0.0, 0.0])
                total[0] += x
                total[1] += y / 2
                total[2] += 1
    return {raster.codes[i - 1]: (sx / n, sy / n) for i, (sx, sy, n) in sums.items()
            if raster.codes[i - 1]}
