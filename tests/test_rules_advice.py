"""The travel-advice register: empty by default, user entries win, always dated."""

from __future__ import annotations

from datetime import date

import pytest

from catalogue.core.errors import InvalidInputError, NotFoundError
from catalogue.core.rules.advice import (
    clear_advice,
    current_advice,
    list_advice,
    parse_level,
    set_advice,
)
from catalogue.core.store import Store

TODAY = date(2026, 11, 26)


def _data_row(store: Store, code: str, level: str, as_of: str) -> None:
    with store.write() as conn:
        conn.execute("INSERT INTO travel_advice_data (code, level, part, as_of, source, note) "
                     "VALUES (?, ?, NULL, ?, 'gov.uk', NULL)", (code, level, as_of))


def test_register_is_empty_by_default(store: Store) -> None:
    assert list_advice(store) == []
    assert current_advice(store, "KE") is None


def test_set_list_and_clear(store: Store) -> None:
    entry = set_advice(store, "KE", "advise against all but essential travel",
                       date(2026, 11, 20), by="alice", part="north-east", today=TODAY)
    assert entry["level"] == "against-all-but-essential"
    assert entry["as_of"] == "2026-11-20" and entry["origin"] == "your register"
    assert entry["set_by"] == "alice" and entry["part"] == "north-east"
    set_advice(store, "KE", "none", date(2026, 11, 25), by="bob", today=TODAY)
    (only,) = list_advice(store)
    assert (only["country"], only["level"], only["as_of"], only["part"]) == \
        ("Kenya", "none", "2026-11-25", None)
    assert clear_advice(store, "KE") is None
    assert current_advice(store, "KE") is None
    with pytest.raises(NotFoundError):
        clear_advice(store, "KE")


def test_user_entries_win_over_the_data_file(store: Store) -> None:
    _data_row(store, "SO", "against-all", "2026-01-01")
    assert current_advice(store, "SO")["origin"] == "data/travel-advice.csv"  # type: ignore[index]
    set_advice(store, "SO", "against-all-but-essential", date(2026, 11, 1), by="a", today=TODAY)
    assert current_advice(store, "SO")["level"] == "against-all-but-essential"  # type: ignore[index]
    assert [e["origin"] for e in list_advice(store)] == ["your register"]
    remaining = clear_advice(store, "SO")
    assert remaining is not None and remaining["as_of"] == "2026-01-01"


@pytest.mark.parametrize(("kwargs", "problem"), [
    ({"level": "sometimes"}, "unknown travel-advice level"),
    ({"as_of": date(2027, 1, 1)}, "in the future"),
    ({"level": "none", "part": "north"}, "makes no sense"),
    ({"by": " "}, "who recorded"),
])
def test_bad_entries_are_refused_and_change_nothing(store: Store, kwargs: dict[str, object],
                                                    problem: str) -> None:
    args: dict[str, object] = {"level": "against-all", "as_of": date(2026, 11, 1), "by": "a"}
    args.update(kwargs)
    with pytest.raises(InvalidInputError, match=problem):
        set_advice(store, "KE", str(args.pop("level")), args.pop("as_of"),  # type: ignore[arg-type]
                   today=TODAY, **args)  # type: ignore[arg-type]
    assert list_advice(store) == []


def test_unknown_country_code(store: Store) -> None:
    with pytest.raises(NotFoundError):
        set_advice(store, "QQ", "none", date(2026, 11, 1), by="a", today=TODAY)


def test_levels_accept_ids_and_wording() -> None:
    assert parse_level("Advise against ALL travel") == "against-all"
    assert parse_level("against-all-but-essential") == "against-all-but-essential"
