"""Kosovo (XK): not in ISO 3166-1 or pycountry, yet found by name, code and alias, with its
status stated in data rather than guessed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from catalogue.core import seed
from catalogue.core.data.location import data_dir
from catalogue.core.errors import DataFileError


@pytest.mark.parametrize("query", ["Kosovo", "kosovo", "XK", "xk", "XKX", "Kosova", "Kosovë",
                                   "Republic of Kosovo", "Kosovo and Metohija",
                                   "Kosovo under UNSCR 1244"])
def test_kosovo_is_found_by_name_code_and_alias(invoke, query: str) -> None:  # type: ignore[no-untyped-def]
    result = invoke("country", query, "--json")
    assert result.exit_code == 0, result.output
    card = json.loads(result.output)
    assert card["code"] == "XK"
    assert card["match"]["fuzzy"] is False


def test_kosovo_card_states_its_status_honestly(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("country", "Kosovo")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "XK / XKX (not an ISO 3166-1 country)" in out
    assert "UN M49 region   (none: not in UN M49)" in out
    assert "Liaison area    Europe" in out
    assert "Serbia does not recognise it" in out
    assert "Consult the British Embassy" in out  # [missions_by_code] XK, not "check which"
    card = json.loads(invoke("country", "XK", "--json").output)
    assert card["region"] == {"region": None, "subregion": None, "intermediate": None}
    assert card["codes"] == {"alpha2": None, "alpha3": "XKX", "numeric": None}


def test_kosovo_can_be_scoped_in_a_check(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("check", "--country", "Kosovo", "--discipline", "leadership", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["country"]["code"] == "XK"


def test_entity_alpha3_is_checked_with_file_and_line(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(data_dir(), root)
    path = root / "entities.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('alpha3 = "XKX"', 'alpha3 = "SRB"'), encoding="utf-8")
    line = next(n for n, t in enumerate(path.read_text().splitlines(), 1) if "SRB" in t)
    with pytest.raises(DataFileError) as info:
        seed.build(root)
    assert str(info.value).startswith(f"data/entities.toml:{line}: alpha3 'SRB' is already")
