"""Sensitivity is labelled as the organisation's local scheme, with the Government Security
Classifications marking each level maps to (and that policy's source and date); liaison areas
and discipline and module sensitivities say where they come from. Data mistakes are reported
with file:line."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from catalogue.core import seed
from catalogue.core.data.location import data_dir
from catalogue.core.errors import DataFileError
from catalogue.core.sensitivity import sensitivity_scheme
from catalogue.core.store import Store


def test_the_scheme_maps_each_local_level_to_a_marking(store: Store) -> None:
    scheme = sensitivity_scheme(store)
    assert {k: v["marking"] for k, v in scheme["levels"].items()} == {
        "public": "OFFICIAL", "restricted": "OFFICIAL", "confidential": "OFFICIAL-SENSITIVE"}
    assert scheme["name"] == "the organisation's local sensitivity scheme"
    assert scheme["source"] == ("Government Security Classifications Policy, Cabinet Office "
                                "(updated 2024-08-05; in force since 2014-04-02)")


def test_disciplines_listing_labels_the_local_scheme_and_markings(invoke) -> None:  # type: ignore[no-untyped-def]
    out = invoke("disciplines").output
    assert "Sensitivity (local)" in out and "Marking" in out
    assert "counter-terrorism" in out and "OFFICIAL-SENSITIVE" in out
    assert "the organisation's local sensitivity scheme, not Government Security " \
           "Classifications" in out and "Cabinet Office (updated 2024-08-05" in out
    rows = json.loads(invoke("disciplines", "--json").output)
    assert {r["id"]: r["marking"] for r in rows}["organised-crime"] == "OFFICIAL"
    assert all(r["sensitivity_basis"] for r in rows)


def test_module_and_discipline_say_where_the_level_comes_from(invoke) -> None:  # type: ignore[no-untyped-def]
    out = invoke("module", "aml-suspicious-activity-reports").output
    assert "Sensitivity: restricted (the organisation's local scheme) · marking OFFICIAL" in out
    assert "Sensitivity basis: A local assumption: it covers how suspicious activity " \
           "reports" in out
    inherited = json.loads(invoke("module", "ct-contest-four-ps", "--json").output)
    assert inherited["sensitivity"] == "confidential"
    assert inherited["marking"] == "OFFICIAL-SENSITIVE"
    assert "counter-terrorism or protecting UK citizens" in inherited["sensitivity_basis"]
    out = invoke("discipline", "counter-terrorism").output
    assert "Sensitivity: confidential (the organisation's local scheme) · marking " \
           "OFFICIAL-SENSITIVE" in out


def test_country_card_shows_area_basis_and_markings(invoke) -> None:  # type: ignore[no-untyped-def]
    out = invoke("country", "Kenya").output
    assert "Area basis      The organisation's own grouping, a local assumption" in out
    assert "Counter-terrorism  [confidential → OFFICIAL-SENSITIVE]" in out
    assert "Command  [public → OFFICIAL]" in out
    assert "not Government Security Classifications" in out
    card = json.loads(invoke("country", "Kenya", "--json").output)
    assert "local assumption" in card["liaison_area_basis"]
    areas = invoke("areas").output
    assert "Basis: The organisation's own grouping, a local assumption" in areas
    assert all("local assumption" in a["basis"]
               for a in json.loads(invoke("areas", "--json").output))


def _edit(path: Path, old: str, new: str) -> int:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return next(n for n, line in enumerate(text.splitlines(), 1) if new.splitlines()[0] in line)


def _bad_marking(root: Path) -> tuple[str, int, str]:
    line = _edit(root / "sensitivity.toml", 'marking = "OFFICIAL-SENSITIVE"',
                 'marking = "CONFIDENTIAL"')
    return "data/sensitivity.toml", line, "'marking' is 'CONFIDENTIAL'; expected one of"


def _renamed_level(root: Path) -> tuple[str, int, str]:
    line = _edit(root / "sensitivity.toml", 'id = "restricted"', 'id = "secret"')
    return "data/sensitivity.toml", line, "the levels must be public, restricted, confidential"


def _bad_date(root: Path) -> tuple[str, int, str]:
    line = _edit(root / "sensitivity.toml", 'updated = "2024-08-05"', 'updated = "Aug 2024"')
    return "data/sensitivity.toml", line, "updated 'Aug 2024' is not a date in the form YYYY-MM-DD"


def _module_without_basis(root: Path) -> tuple[str, int, str]:
    path = next((root / "disciplines").glob("07-*.toml"))
    _edit(path, 'sensitivity_basis = "A local assumption: it covers how', 'note2 = "x')
    text = path.read_text(encoding="utf-8").replace('note2 = "x', '# removed "x')
    path.write_text(text, encoding="utf-8")
    line = next(n for n, t in enumerate(text.splitlines(), 1) if t == 'sensitivity = "restricted"')
    return f"data/disciplines/{path.name}", line, "sets its own sensitivity, so it needs a " \
                                                  "sensitivity_basis"


def _discipline_without_basis(root: Path) -> tuple[str, int | None, str]:
    path = next((root / "disciplines").glob("01-*.toml"))
    text = path.read_text(encoding="utf-8")
    start = text.index("sensitivity_basis = ")
    path.write_text(text[:start] + text[text.index("\n", start) + 1:], encoding="utf-8")
    return f"data/disciplines/{path.name}", None, "missing required field 'sensitivity_basis'"


def _areas_without_basis(root: Path) -> tuple[str, int | None, str]:
    path = root / "liaison-areas.toml"
    text = path.read_text(encoding="utf-8").replace("[about]\nbasis", "[about]\n# basis")
    path.write_text(text, encoding="utf-8")
    line = next(n for n, t in enumerate(text.splitlines(), 1) if t == "[about]")
    return "data/liaison-areas.toml", line, "[about] needs basis = "


@pytest.mark.parametrize("breaker", [_bad_marking, _renamed_level, _bad_date,
                                     _module_without_basis, _discipline_without_basis,
                                     _areas_without_basis], ids=lambda f: f.__name__.strip("_"))
def test_mistakes_are_reported_with_file_and_line(
        tmp_path: Path, breaker: Callable[[Path], tuple[str, int | None, str]]) -> None:
    root = tmp_path / "data"
    shutil.copytree(data_dir(), root)
    display, line, problem = breaker(root)
    with pytest.raises(DataFileError) as info:
        seed.build(root)
    message = str(info.value)
    where = f"{display}:{line}: " if line else f"{display}"
    assert message.startswith(where), message
    assert problem in message, message
