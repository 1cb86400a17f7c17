"""The trainer roster, accreditation, unavailability and the append-only audit trail."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from catalogue.core.errors import InvalidInputError, NotFoundError
from catalogue.core.store import Store
from catalogue.core.trainers import roster
from catalogue.core.trainers.audit import trainer_history
from trainer_helpers import trainer

TODAY = date(2026, 12, 1)


def _rows(store: Store, table: str) -> int:
    return int(store.scalar(f"SELECT count(*) FROM {table}"))


def test_add_and_read_a_trainer(store: Store) -> None:
    ident = roster.add_trainer(store, "  B.   Jones ", "serving officer", by="tester",
                               force="Kent Police", languages=["French, Arabic", "french"],
                               disciplines=["Command"], modules=["inv-peace-interviewing"])
    person = roster.get_trainer(store, ident)
    assert person.name == "B. Jones"
    assert person.kind == "serving-officer" and person.force == "Kent Police"
    assert person.languages == ("French", "Arabic")
    assert {(s.kind, s.subject) for s in person.subjects} == {
        ("discipline", "command"), ("module", "inv-peace-interviewing")}
    assert person.kind_label == "serving officer (Kent Police)"
    assert [e.action for e in trainer_history(store, ident)] == ["added"]


@pytest.mark.parametrize("kwargs, message", [
    ({"name": "", "kind": "staff"}, "needs a name"),
    ({"name": "X", "kind": "volunteer"}, "unknown trainer kind"),
    ({"name": "X", "kind": "serving-officer"}, "needs their force"),
    ({"name": "X", "kind": "staff", "force": "Kent"}, "only serving officers"),
    ({"name": "X", "kind": "staff", "disciplines": ["no-such"]}, "no discipline"),
])
def test_bad_trainer_input_saves_nothing(store: Store, kwargs: dict, message: str) -> None:
    with pytest.raises((InvalidInputError, NotFoundError), match=message):
        roster.add_trainer(store, by="tester", **kwargs)
    assert _rows(store, "trainers") == 0
    assert _rows(store, "trainer_events") == 0


def test_accreditation_and_its_expiry(store: Store) -> None:
    ident = trainer(store)
    held = roster.accredit(store, ident, "discipline", "command", by="tester",
                           accredited_on="2026-01-10", expires_on="2028-01-09",
                           reference="CERT-1", today=TODAY)
    assert held.valid_on("2027-03-01") and not held.valid_on("2028-01-10")
    assert not held.valid_on("2025-12-31")


def test_expired_accreditation_typed_as_valid_is_refused(store: Store) -> None:
    ident = trainer(store)
    before = _rows(store, "trainer_events")
    with pytest.raises(InvalidInputError, match="expired on 2025-03-10"):
        roster.accredit(store, ident, "discipline", "command", by="tester",
                        accredited_on="2020-01-10", expires_on="2025-03-10", today=TODAY)
    with pytest.raises(InvalidInputError, match=r"ends .* before it starts"):
        roster.accredit(store, ident, "discipline", "command", by="tester",
                        accredited_on="2026-01-10", expires_on="2026-01-01", today=TODAY)
    with pytest.raises(InvalidInputError, match="in the future"):
        roster.accredit(store, ident, "discipline", "command", by="tester",
                        accredited_on="2027-01-10", expires_on=None, today=TODAY)
    assert roster.get_trainer(store, ident).subjects[0].accredited_on is None
    assert _rows(store, "trainer_events") == before


def test_overlapping_unavailable_dates_are_refused(store: Store) -> None:
    ident = trainer(store)
    roster.set_unavailable(store, ident, "2027-04-01", "2027-04-10", by="tester", reason="leave")
    with pytest.raises(InvalidInputError, match=r"overlaps the unavailable period "
                                                r"2027-04-01\.\.2027-04-10"):
        roster.set_unavailable(store, ident, "2027-04-10", "2027-04-20", by="tester")
    with pytest.raises(InvalidInputError, match="before it starts"):
        roster.set_unavailable(store, ident, "2027-05-10", "2027-05-01", by="tester")
    roster.set_unavailable(store, ident, "2027-04-11", "2027-04-20", by="tester")
    person = roster.get_trainer(store, ident)
    assert [(u.start, u.end) for u in person.unavailable] == [
        ("2027-04-01", "2027-04-10"), ("2027-04-11", "2027-04-20")]
    roster.clear_unavailable(store, ident, person.unavailable[0].id, by="tester")
    assert len(roster.get_trainer(store, ident).unavailable) == 1


def test_resolve_by_id_or_name(store: Store) -> None:
    ident = trainer(store, "C. Mensah")
    assert roster.resolve_trainer(store, "c. mensah") == ident
    assert roster.resolve_trainer(store, str(ident)) == ident
    with pytest.raises(NotFoundError, match="no trainer 99"):
        roster.resolve_trainer(store, "99")
    trainer(store, "C. Mensah")
    with pytest.raises(InvalidInputError, match="2 trainers are called"):
        roster.resolve_trainer(store, "C. Mensah")


def test_list_filters(store: Store) -> None:
    trainer(store, "A. One")
    trainer(store, "B. Two", kind="staff", disciplines=("investigation",))
    assert [r["name"] for r in roster.list_trainers(store, kind="staff")] == ["B. Two"]
    assert [r["name"] for r in roster.list_trainers(store, subject="cmd-national-decision-model")
            ] == ["A. One"]
    assert [r["name"] for r in roster.list_trainers(store, search="investig")] == ["B. Two"]


def test_audit_trail_is_append_only(store: Store) -> None:
    ident = trainer(store)
    roster.edit_trainer(store, ident, by="tester", name="A. Okafor-Smith")
    actions = [e.action for e in trainer_history(store, ident)]
    assert actions == ["added", "edited"]
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.conn.execute("UPDATE trainer_events SET action = 'x'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.conn.execute("DELETE FROM trainer_events")


def test_roster_pages(store: Store) -> None:
    for name in ("C", "A", "B", "D"):
        trainer(store, f"{name}. Person")
    rows, total = roster.trainer_page(store, limit=2, offset=1)
    assert total == 4 and [r["name"] for r in rows] == ["B. Person", "C. Person"]
    rows, total = roster.trainer_page(store, search="c. per", limit=2)
    assert total == 1 and rows[0]["name"] == "C. Person"
