"""Outlines to a grid of pixels: scanline fill with the even-odd rule, in pure Python.

A pixel is half a terminal cell (the faces draw two per cell with "▀"), so pixels are about
square and the projection is equirectangular, stretched by cos(latitude) around the view's
middle so a zoomed region keeps its shape. Results are cached by (outlines, view, size): a
redraw at the same size and view costs nothing.
"""

from __future__ import annotations

import math
import threading
from array import array
from collections import OrderedDict
from dataclasses import dataclass

from catalogue.core.worldmap.shapes import BBox, World

#: How far north and south the world view reaches (no Antarctica: nobody is assisted there).
WORLD = (-180.0, -57.0, 180.0, 84.0)
_CACHE_SIZE = 24


@dataclass(frozen=True)
class Raster:
    """``rows[y][x]`` is 0 for sea, else an index into ``codes`` plus one."""

    width: int
    height: int
    bbox: BBox  # the area actually shown (the view widened to fill the grid)
    codes: tuple[str, ...]
    rows: tuple[array[int], ...]

    def code_at(self, x: int, y: int) -> str | None:
        """The country at pixel (x, y): alpha-2, "" for land with no country, None for sea."""
        if 0 <= y < self.height and 0 <= x < self.width:
            index = self.rows[y][x]
            return self.codes[index - 1] if index else None
        return None


_cache: OrderedDict[tuple[str, BBox, int, int], Raster] = OrderedDict()
_lock = threading.Lock()


def fit(view: BBox, width: int, height: int) -> BBox:
    """The view widened (never narrowed) so that it fills a grid of ``width`` x ``height``."""
    west, south, east, north = view
    middle = math.radians((south + north) / 2)
    stretch = max(math.cos(middle), 0.2)
    span_x, span_y = (east - west) * stretch, north - south
    if span_x / span_y < width / height:
        extra = (span_y * width / height - span_x) / stretch / 2
        return west - extra, south, east + extra, north
    extra = (span_x * height / width - span_y) / 2
    return west, south - extra, east, north + extra


def rasterise(world: World, view: BBox, width: int, height: int) -> Raster:
    """The countries drawn into ``width`` x ``height`` pixels over ``view`` (cached)."""
    key = (world.token, view, width, height)
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    wraps = view[0] < -180 or view[2] > 180
    raster = _draw(world, fit(view, width, height), max(width, 1), max(height, 1), wraps)
    with _lock:
        _cache[key] = raster
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return raster


def _draw(world: World, bbox: BBox, width: int, height: int, wraps: bool) -> Raster:
    """Draw every shape in view; unless the view itself crosses the date line, nothing is
    drawn beyond it (a widened world view shows no second copy of Alaska)."""
    west, south, east, north = bbox
    sx, sy = width / (east - west), height / (north - south)
    limits = (0, width) if wraps else (max(0, math.ceil((-180 - west) * sx - 0.5)),
                                       min(width, math.ceil((180 - west) * sx - 0.5)))
    rows = tuple(array("H", bytes(2 * width)) for _ in range(height))
    # Shapes are drawn a whole turn east and west too where that is in view: a view past
    # the date line, and rings made continuous across it (see shapes._ring).
    shifts = (0.0, 360.0, -360.0)
    codes: list[str] = []
    marks: list[tuple[int, float, float]] = []
    for shape in world.shapes:
        w, s, e, n = shape.bbox
        for shift in shifts:
            if e + shift < west or w + shift > east or n < south or s > north:
                continue
            if shape.code in codes and shape.rings:
                index = codes.index(shape.code) + 1
            else:
                codes.append(shape.code)
                index = len(codes)
            lon, lat = shape.point
            if wraps or -180 <= lon + shift <= 180:
                marks.append((index, (lon + shift - west) * sx, (north - lat) * sy))
            if shape.rings:
                _fill(rows, shape.rings, index, shift - west, north, sx, sy, limits, height)
    _mark_missing(rows, marks, width, height)
    return Raster(width, height, bbox, tuple(codes), rows)


def _fill(rows: tuple[array[int], ...], rings: tuple[tuple[tuple[float, float], ...], ...],
          index: int, dx: float, north: float, sx: float, sy: float,
          limits: tuple[int, int], height: int) -> None:
    """Fill every pixel whose centre is inside the rings (even-odd) with ``index``."""
    crossings: dict[int, list[float]] = {}
    for ring in rings:
        points = [((lon + dx) * sx, (north - lat) * sy) for lon, lat in ring]
        x0, y0 = points[-1]
        for x1, y1 in points:
            if y0 != y1:
                (ax, ay), (bx, by) = ((x0, y0), (x1, y1)) if y0 < y1 else ((x1, y1), (x0, y0))
                first, last = max(0, math.ceil(ay - 0.5)), min(height - 1, math.ceil(by - 0.5) - 1)
                slope = (bx - ax) / (by - ay)
                for row in range(first, last + 1):
                    crossings.setdefault(row, []).append(ax + (row + 0.5 - ay) * slope)
            x0, y0 = x1, y1
    fill = array("H", [index])
    low, high = limits
    for row, xs in crossings.items():
        xs.sort()
        line = rows[row]
        for i in range(0, len(xs) - 1, 2):
            start = max(low, math.ceil(xs[i] - 0.5))
            stop = min(high, math.ceil(xs[i + 1] - 0.5))
            if stop > start:
                line[start:stop] = fill * (stop - start)


def _mark_missing(rows: tuple[array[int], ...], marks: list[tuple[int, float, float]],
                  width: int, height: int) -> None:
    """A country with no pixel of its own (too small, or a point) gets one at its point."""
    seen = {value for line in rows for value in set(line)}
    for index, x, y in marks:
        if index not in seen and 0 <= x < width and 0 <= y < height:
            rows[int(y)][int(x)] = index
            seen.add(index)
