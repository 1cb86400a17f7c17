"""Outline edits with their inverses, the per-programme history, and warnings' fixes."""

from __future__ import annotations

import pytest

from catalogue.core.errors import InvalidInputError, NotFoundError
from catalogue.core.programmes.changes import create_programme, remove_module, set_module
from catalogue.core.programmes.edits import (
    Batch,
    Move,
    Remove,
    SetHours,
    apply_edit,
    insert_modules,
)
from catalogue.core.programmes.fixes import plan_fixes
from catalogue.core.programmes.history import History
from catalogue.core.programmes.outline import build_outline
from catalogue.core.programmes.queries import get_programme
from catalogue.core.store import Store


def _state(store: Store, pid: int) -> list[tuple[str, float | None, str | None]]:
    return [(e.module_id, e.hours, e.notes) for e in get_programme(store, pid).modules]


def _new(store: Store, **fields: str) -> int:
    return create_programme(store, {"title": "Edits", "country": "Kenya", **fields})


def test_every_edit_undone_and_redone_returns_the_same_lists(store: Store) -> None:
    pid = _new(store)
    history = History(pid)
    states = [_state(store, pid)]
    history.do(store, "add", insert_modules(["ct-prevent", "cmd-decision-logs",
                                             "inv-golden-hour"]))
    states.append(_state(store, pid))
    set_module(store, pid, "ct-prevent", notes="keep")  # notes survive every step below
    states[-1] = _state(store, pid)
    for label, edit in [("hours", SetHours("inv-golden-hour", 4)),
                        ("move", Move("inv-golden-hour", 1)),
                        ("remove", Remove(("ct-prevent",))),
                        ("batch", Batch((insert_modules(["ct-prevent"], 2),
                                         Move("cmd-decision-logs", 1))))]:
        history.do(store, label, edit)
        states.append(_state(store, pid))
    assert states[2][2] == ("inv-golden-hour", 4.0, None)
    for expected in reversed(states[:-1]):
        assert history.undo_last(store) is not None
        assert _state(store, pid) == expected
    assert history.undo_last(store) is None
    for expected in states[1:]:
        done = history.redo_last(store)
        assert done is not None and done.verb == "Redone"
        assert _state(store, pid) == expected
    assert history.redo_last(store) is None
    history.undo_last(store)
    history.do(store, "new", SetHours("cmd-decision-logs", None))
    assert history.redo == []  # a new edit ends what could be redone


def test_a_failing_edit_writes_nothing(store: Store) -> None:
    pid = _new(store)
    apply_edit(store, pid, insert_modules(["ct-prevent"]))
    before = _state(store, pid)
    with pytest.raises(InvalidInputError, match="already in the programme"):
        apply_edit(store, pid, Batch((insert_modules(["cmd-decision-logs"]),
                                      insert_modules(["ct-prevent"]))))
    with pytest.raises(NotFoundError):
        apply_edit(store, pid, Remove(("cmd-decision-logs",)))
    with pytest.raises(InvalidInputError, match="out of range"):
        apply_edit(store, pid, Move("ct-prevent", 5))
    with pytest.raises(InvalidInputError):
        apply_edit(store, pid, SetHours("ct-prevent", -2))
    assert _state(store, pid) == before


def test_an_undo_made_impossible_elsewhere_fails_cleanly_and_is_dropped(store: Store) -> None:
    pid = _new(store)
    history = History(pid)
    history.do(store, "add", insert_modules(["ct-prevent"]))
    remove_module(store, pid, "ct-prevent")  # another user, another process
    with pytest.raises(NotFoundError):
        history.undo_last(store)
    assert history.undo == [] and _state(store, pid) == []


def _fixes(store: Store, pid: int) -> list:  # type: ignore[type-arg]
    outline = build_outline(store, pid)
    return list(zip(outline["warnings"], plan_fixes(store, outline), strict=True))


def test_each_warning_has_a_fix_that_removes_it(store: Store) -> None:
    pid = _new(store, audience_level="constable")
    apply_edit(store, pid, insert_modules(["cmd-decision-logs", "ct-pursue-investigation"]))
    pairs = _fixes(store, pid)
    kinds = {w["kind"] for w, _ in pairs}
    assert {"prerequisite-missing", "level", "principle-missing"} <= kinds
    missing = next(f for w, f in pairs if w["kind"] == "prerequisite-missing"
                   and w["related_module_id"] == "inv-investigative-strategy")
    # The prerequisite and what it builds on, in order, before the module that needs it.
    assert missing.label.startswith("add Investigative strategies")
    assert "2 modules it builds on" in missing.label
    principle = next(f for w, f in pairs if w["kind"] == "principle-missing")
    assert principle.edit is None and principle.suggest is not None
    assert principle.suggest.level == "constable" and principle.suggestions > 0
    history = History(pid)
    history.do(store, missing.label, missing.edit)
    ids = [m for m, _, _ in _state(store, pid)]
    assert ids.index("inv-investigation-foundations") < ids.index("inv-golden-hour") < \
        ids.index("inv-investigative-strategy") < ids.index("ct-pursue-investigation")
    assert not any(w["kind"] == "prerequisite-missing"
                   and w["related_module_id"] == "inv-investigative-strategy"
                   for w, _ in _fixes(store, pid))
    history.undo_last(store)
    assert [m for m, _, _ in _state(store, pid)] == ["cmd-decision-logs",
                                                      "ct-pursue-investigation"]


def test_order_and_level_fixes(store: Store) -> None:
    pid = _new(store, audience_level="chief-officer")
    apply_edit(store, pid, insert_modules(["cmd-decision-logs", "cmd-national-decision-model"]))
    pairs = _fixes(store, pid)
    order = next(f for w, f in pairs if w["kind"] == "prerequisite-order")
    assert order.edit == Move("cmd-national-decision-model", 1)
    # The audience is above both modules' ranges: each warns, and its fix removes it.
    levels = [(w, f) for w, f in pairs if w["kind"] == "level"]
    assert {w["module_id"] for w, _ in levels} == {"cmd-decision-logs",
                                                   "cmd-national-decision-model"}
    assert all("and below; the audience is" in w["message"] for w, _ in levels)
    assert all(f.edit == Remove((w["module_id"],)) for w, f in levels)
    apply_edit(store, pid, order.edit)
    assert [m for m, _, _ in _state(store, pid)] == ["cmd-national-decision-model",
                                                      "cmd-decision-logs"]
