"""Write data/natural-earth/points.csv: a point for each country too small for the 1:110m map.

Natural Earth's 1:110m outlines leave out small states and territories (Singapore, Bahrain,
Bermuda ...). The map marks each of them with one dot at a point inside its largest polygon
in the 1:10m outlines of the same package. Run it when data/natural-earth/ is updated:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python tools/natural_earth_points.py package/ > data/natural-earth/points.csv
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def _decode(topology: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(arcs: list, indexes: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def _area(ring: list[tuple[float, float]]) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True)))


def _inside_point(ring: list[tuple[float, float]]) -> tuple[float, float]:
    """The middle of the widest run across the ring at its middle latitude."""
    ys = [y for _, y in ring]
    y = (min(ys) + max(ys)) / 2
    xs = sorted(x0 + (y - y0) * (x1 - x0) / (y1 - y0)
                for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True)
                if (y0 <= y < y1) or (y1 <= y < y0))
    runs = [(xs[i + 1] - xs[i], (xs[i] + xs[i + 1]) / 2) for i in range(0, len(xs) - 1, 2)]
    return (max(runs)[1] if runs else sum(x for x, _ in ring) / len(ring)), y


def main(package: Path) -> None:
    small = json.loads((package / "countries-110m.json").read_text())
    shown = {g.get("id") for g in small["objects"]["countries"]["geometries"]}
    big = json.loads((package / "countries-10m.json").read_text())
    arcs = _decode(big)
    print("m49,name,lon,lat")
    print("# One point per country or territory left out of countries-110m.json, inside its "
          "largest polygon in countries-10m.json (world-atlas 2.0.2; Natural Earth 4.1.0, "
          "public domain). Made by tools/natural_earth_points.py.")
    for geometry in sorted(big["objects"]["countries"]["geometries"],
                           key=lambda g: g["properties"]["name"]):
        gid = geometry.get("id")
        if gid is None or gid in shown or geometry["type"] not in {"Polygon", "MultiPolygon"}:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = [_ring(arcs, polygon[0]) for polygon in polygons]
        lon, lat = _inside_point(max(rings, key=_area))
        name = geometry["properties"]["name"].replace('"', "'")
        print(f'{int(gid)},"{name}",{lon:.3f},{lat:.3f}')


if __name__ == "__main__":
    main(Path(sys.argv[1]))
