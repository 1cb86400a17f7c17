"""The module picker's search, filters and standard modules (core, no Textual)."""

from __future__ import annotations

import tomllib

import pytest

from catalogue.core.data.location import data_dir
from catalogue.core.errors import InvalidInputError
from catalogue.core.module_search import (
    ModuleQuery,
    find_modules,
    picker_choices,
    standard_modules,
)
from catalogue.core.programmes.templates import template_modules
from catalogue.core.store import Store


def _discipline_files() -> list[dict]:  # type: ignore[type-arg]
    return [tomllib.loads(p.read_text(encoding="utf-8"))
            for p in sorted((data_dir() / "disciplines").glob("*.toml"))]


def _ids(store: Store, **query: str) -> list[str]:
    return [m.id for m in find_modules(store, ModuleQuery(**query))]


def test_terror_finds_every_counter_terrorism_module(store: Store) -> None:
    """Counted from the data files, not a number written here."""
    ct = next(d for d in _discipline_files() if d["discipline"]["id"] == "counter-terrorism")
    expected = {m["id"] for m in ct["modules"]}
    found = _ids(store, text="terror")
    assert expected <= set(found)
    assert len(expected) > 4  # the old title-and-summary search found four of them
    # ... and the discipline's own modules come first, in the library's order
    assert found[:len(expected)] == [m["id"] for m in ct["modules"]]


def test_search_reaches_outcomes_and_every_word_must_match(store: Store) -> None:
    files = _discipline_files()
    module = files[0]["modules"][0]
    outcome_word = next(w for w in module["outcomes"][0].split()
                        if len(w) > 6 and w.isalpha()
                        and w.lower() not in (module["title"] + module["summary"]).lower())
    assert module["id"] in _ids(store, text=outcome_word)
    assert _ids(store, text=f"{outcome_word} zzzqqq") == []
    assert _ids(store, text="TERRORISM law")[0] == "ct-terrorism-law"  # any case


def test_filters_by_discipline_level_and_principle(store: Store) -> None:
    command = _ids(store, discipline="command")
    files = {d["discipline"]["id"]: d for d in _discipline_files()}
    assert command == [m["id"] for m in files["command"]["modules"]]
    ranks = {r["id"]: r["rank"] for r in store.query("SELECT id, rank FROM levels")}
    for module in find_modules(store, ModuleQuery(level="constable")):
        assert ranks[module.level_from] <= ranks["constable"] <= ranks[module.level_to]
    every = find_modules(store, ModuleQuery())
    in_range = [m for m in every if ranks[m.level_from] <= ranks["constable"] <= ranks[m.level_to]]
    assert len(find_modules(store, ModuleQuery(level="constable"))) == len(in_range) < len(every)
    for module in find_modules(store, ModuleQuery(principle="empowerment", text="lead")):
        assert "empowerment" in module.principles
    with pytest.raises(InvalidInputError, match="no audience level 'admiral'"):
        find_modules(store, ModuleQuery(level="admiral"))


def test_standard_modules_come_from_the_data_with_their_basis(store: Store) -> None:
    choices = picker_choices(store)
    for data in _discipline_files():
        ident = data["discipline"]["id"]
        assert [m.id for m in standard_modules(store, ident)] == \
            data["discipline"]["standard_modules"]
        assert choices.standard_basis[ident] == data["discipline"]["standard_basis"]
        assert "local practice" in choices.standard_basis[ident].lower()
        _, entries = template_modules(store, ident)
        assert [e.module_id for e in entries] == data["discipline"]["standard_modules"]
    assert choices.disciplines[0].id == "command"


def test_a_shorter_standard_list_changes_templates_and_the_new_programme_dialog(
        store: Store) -> None:
    """Edit the data (here: the seeded table) and both faces follow it."""
    from catalogue.core.programmes.pages import builder_choices

    store.conn.execute("UPDATE modules SET standard = 0 WHERE id = 'cmd-firearms-command'")
    store.conn.commit()
    templates = {t["id"]: t["modules"] for t in builder_choices(store)["templates"]}
    assert templates["command"] == len(standard_modules(store, "command"))
    _, entries = template_modules(store, "command")
    assert "cmd-firearms-command" not in [e.module_id for e in entries]
