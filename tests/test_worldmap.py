"""The world map's core: outlines, rasteriser, region zoom, shading and the picture."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from catalogue.core import seed
from catalogue.core.data.location import data_dir
from catalogue.core.errors import DataFileError, InvalidInputError
from catalogue.core.store import Store
from catalogue.core.worldmap.picture import HIGHLIGHT, OUTSIDE, SEA, world_map
from catalogue.core.worldmap.raster import WORLD, fit, rasterise
from catalogue.core.worldmap.regions import resolve_region
from catalogue.core.worldmap.shading import ranges, shade
from catalogue.core.worldmap.shapes import CountryShape, World, load_world
from request_helpers import new_request, walk_to


def _square(code: str, west: float, south: float, east: float, north: float,
            hole: tuple[float, float, float, float] | None = None) -> CountryShape:
    rings = [((west, south), (east, south), (east, north), (west, north))]
    if hole:
        w, s, e, n = hole
        rings.append(((w, s), (e, s), (e, n), (w, n)))
    box = (west, south, east, north)
    return CountryShape(code, code, tuple(rings), box, box, ((west + east) / 2, (south + north) / 2))


def test_the_shipped_outlines_join_the_country_table(store: Store) -> None:
    world = load_world(data_dir())
    codes = {s.code for s in world.shapes}
    known = {r[0] for r in store.query("SELECT code FROM countries")}
    assert {"GB", "KE", "FR", "BR", "AU"} <= codes
    assert codes - known == {""}  # only Kosovo's shape has no country in the table
    assert {"SG", "BH", "BM"} <= codes  # too small for 1:110m: drawn from points.csv
    france = next(s for s in world.shapes if s.code == "FR" and s.rings)
    assert france.main_bbox[0] > -10 > france.bbox[0]  # mainland, not French Guiana


def test_scanline_fills_pixel_centres_inside_and_leaves_holes() -> None:
    world = World((_square("AA", 0, 0, 8, 8, hole=(2, 2, 6, 6)),), "square-test")
    raster = rasterise(world, (0, 0, 8, 8), 8, 8)
    assert raster.codes == ("AA",)
    drawn = ["".join("#" if v else "." for v in row) for row in raster.rows]
    assert drawn == ["########", "########", "##....##", "##....##", "##....##", "##....##",
                     "########", "########"]
    assert raster.code_at(0, 0) == "AA" and raster.code_at(4, 4) is None


def test_a_country_too_small_for_a_pixel_still_gets_one() -> None:
    world = World((_square("AA", 0, 0, 10, 10), _square("BB", 15.01, 5.01, 15.02, 5.02)), "tiny")
    raster = rasterise(world, (0, 0, 20, 10), 20, 10)
    assert [x for x in range(20) if raster.code_at(x, 4) == "BB"] in ([14], [15])


def test_views_are_widened_to_fill_the_grid_never_narrowed() -> None:
    west, south, east, north = fit((0, 0, 10, 10), 40, 10)
    assert (south, north) == (0, 10) and west < 0 and east > 10
    west, south, east, north = fit((-180, -57, 180, 84), 40, 40)
    assert (west, east) == (-180, 180) and south < -57 and north > 84


def test_a_view_past_the_date_line_draws_both_sides() -> None:
    world = World((_square("FJ", 177, -19, 180, -16), _square("WS", -180, -19, -171, -16)), "dl")
    raster = rasterise(world, (170, -25, 195, -10), 50, 30)
    assert set(raster.codes) == {"FJ", "WS"}


def test_regions_zoom_by_any_kind_of_region(store: Store) -> None:
    world = load_world(data_dir())
    africa = resolve_region(store, world, "africa")
    assert africa.name == "Africa" and "KE" in (africa.codes or ()) and "GB" not in (africa.codes or ())
    assert africa.view == (-26, -36, 60, 38)  # data/map-views.toml
    western = resolve_region(store, world, "Western Africa")  # framed from its countries
    west, south, east, north = western.view
    assert -35 < west < -15 and 10 < east < 25 and -25 < south < 8 and 20 < north < 35  # St Helena
    assert resolve_region(store, world, "Europe").view == (-25, 34, 45, 71)  # map-views.toml
    assert resolve_region(store, world, None).codes is None
    with pytest.raises(InvalidInputError, match="unknown region 'Atlantis'"):
        resolve_region(store, world, "Atlantis")


def test_a_bad_map_view_names_its_line(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(data_dir(), root)
    views = root / "map-views.toml"
    text = views.read_text(encoding="utf-8").replace('north = 71', 'north = 171')
    views.write_text(text, encoding="utf-8")
    line = text.splitlines().index('name = "Europe"') + 1
    with pytest.raises(DataFileError, match=rf"^data/map-views\.toml:{line}: .*north 171"):
        seed.build(root)


def test_broken_outlines_are_a_data_file_error(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(data_dir(), root)
    (root / "natural-earth" / "countries-110m.json").write_text('{"type": "Topology",\n oops')
    with pytest.raises(DataFileError, match=r"^data/natural-earth/countries-110m\.json:2: "):
        load_world(root)


def test_count_ranges_split_the_data_at_its_quartiles() -> None:
    assert ranges([]) == [] and ranges([0, 0]) == []
    assert ranges([3]) == [(1, 3)]
    assert ranges([1, 2, 3, 4, 5, 6, 7, 8]) == [(1, 3), (4, 5), (6, 7), (8, 8)]


def test_open_and_delivered_requests_shade_their_countries(store: Store) -> None:
    for _ in range(3):
        new_request(store, "KE")
    delivered = walk_to(store, new_request(store, "GH", disciplines=["command"]), "delivered")
    assert delivered.state == "delivered"
    open_shade = shade(store, "requests")
    assert open_shade.values["KE"] == "3 open requests" and "GH" not in open_shade.values
    assert open_shade.categories[open_shade.classes["KE"]].label == "1–3"
    assert open_shade.categories[open_shade.classes["FR"]].label == "None"
    done = shade(store, "programmes")  # the word for it
    assert done.shade == "delivered" and done.values == {"GH": "1 request delivered"}
    assert shade(store, "delivered", discipline="leadership").values == {}
    assert shade(store, "requests", discipline="leadership").values["KE"] == "3 open requests"


def test_dated_shades_show_their_dates(store: Store) -> None:
    from datetime import date

    from catalogue.core.rules.advice import set_advice

    priority = shade(store, "priority")
    assert "2022 list, published 2023-07" in priority.categories[0].label
    assert "2022" in priority.values["AF"]
    assert "nothing is assumed" in shade(store, "advice").notes[0]
    set_advice(store, "KE", "against-all-but-essential", date(2026, 11, 20), by="me",
               part="within 60 km of the Somali border", today=date(2026, 12, 1))
    advice = shade(store, "advice")
    assert advice.categories[advice.classes["KE"]].label == "Against travel to part of the country"
    assert "as of 2026-11-20" in advice.values["KE"] and "2026-11-20" in advice.notes[0]


def test_the_picture_knows_who_is_where_and_marks_the_highlight(store: Store) -> None:
    picture = world_map(store, shading="region", region="Africa", width=60, height=20,
                        highlight="KE")
    assert len(picture.lines) == 20 and all(sum(n for n, _, _ in runs) == 60
                                            for runs in picture.lines)
    colours = {c for runs in picture.lines for _, top, bottom in runs for c in (top, bottom)}
    assert {SEA, OUTSIDE, HIGHLIGHT} <= colours  # Europe and Arabia at the edges are outside
    x, y = picture.centres["KE"]
    assert picture.country_at(round(x), round(y)) == "KE"
    assert picture.describe("KE") == "Kenya: Africa"
    assert picture.step("KE", -1, 0) not in (None, "KE")


def test_unknown_shade_is_refused(store: Store) -> None:
    with pytest.raises(InvalidInputError, match="unknown shade 'colour'"):
        world_map(store, shading="colour")
    with pytest.raises(InvalidInputError, match="a discipline or a period applies"):
        shade(store, "region", discipline="command")


def test_the_world_view_covers_every_inhabited_continent(store: Store) -> None:
    picture = world_map(store, width=100, height=30)
    west, south, east, north = picture.raster.bbox
    assert west <= WORLD[0] and east >= WORLD[2] and south <= WORLD[1] and north >= WORLD[3]
    assert {"US", "BR", "GB", "KE", "IN", "AU"} <= set(picture.centres)
