"""``catalogue map`` prints the map and its legend; errors are one line with an exit code."""

from __future__ import annotations

import json

from request_helpers import new_request


def test_map_of_a_region_prints_the_map_and_a_legend(invoke, store) -> None:  # type: ignore[no-untyped-def]
    new_request(store, "KE")
    result = invoke("map", "--region", "Africa", "--shade", "requests", "--width", "60",
                    "--height", "18", "--highlight", "Kenya")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines[0]) == 60 and "\x1b" not in result.output  # not a terminal: symbols
    assert lines[18] == "Open requests — Africa"
    assert "  #  None (59 countries)" in lines and "  %  1 (1 country)" in lines
    assert "  @  Kenya: 1 open request" in lines
    assert any("." in line for line in lines[:18]) and any("@" in line for line in lines[:18])


def test_map_in_colour_uses_half_blocks(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("map", "--shade", "priority", "--width", "40", "--height", "10", "--color")
    assert result.exit_code == 0
    assert "▀" in result.output and "\x1b[38;2;" in result.output
    assert "2022 list, published 2023-07" in result.output


def test_map_json_gives_each_country_its_category(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("map", "--region", "Western Africa", "--shade", "assisted", "--json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["region"] == "Western Africa"
    ghana = next(c for c in data["countries"] if c["code"] == "GH")
    assert ghana == {"code": "GH", "name": "Ghana", "category": "Assisted", "value": None}
    assert all(c["code"] != "KE" for c in data["countries"])


def test_map_refuses_bad_input_in_one_line(invoke) -> None:  # type: ignore[no-untyped-def]
    for args, message in ((["--shade", "colour"], "unknown shade 'colour'"),
                          (["--region", "Atlantis"], "unknown region 'Atlantis'"),
                          (["--shade", "region", "--since", "2024-01-01"], "(--discipline; --since)"),
                          (["--since", "2024-02-30"], "2024-02-30")):
        result = invoke("map", *args)
        assert result.exit_code == 2, (args, result.output)
        assert result.stderr.startswith("catalogue: ") and message in result.stderr
        assert len(result.stderr.splitlines()) == 1
    result = invoke("map", "--highlight", "Atlantis")
    assert result.exit_code == 1
