"""Every stored text field has a disclosure class (core/disclosure.py), read from the schema."""

from __future__ import annotations

import sqlite3

from catalogue.core import disclosure
from catalogue.core.osja.vocabulary import WHY_FACTS
from catalogue.core.rules.policy_check import FLAG_FACTS
from catalogue.core.store import Store


def _tables(conn: sqlite3.Connection) -> list[str]:
    """Every user and reference table: not SQLite's own, not full-text indexes or their shadows."""
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    fts = {name for name, sql in rows if sql and "VIRTUAL TABLE" in sql.upper()}
    shadows = {f"{name}_{suffix}" for name in fts
               for suffix in ("data", "idx", "docsize", "config", "content")}
    return sorted(name for name, _ in rows
                  if not name.startswith("sqlite_") and name not in fts | shadows)


def _text_columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')
            if "TEXT" in (row[2] or "").upper() or not row[2]]


def test_every_text_column_of_every_table_has_a_disclosure_class(store: Store) -> None:
    missing = [f"{table}.{column}" for table in _tables(store.conn)
               for column in _text_columns(store.conn, table)
               if column not in disclosure.FIELDS.get(table, {})]
    assert missing == [], (f"no disclosure class for {missing}: add each to FIELDS in "
                           "src/catalogue/core/disclosure.py (public, public-when-marked or "
                           "withheld)")


def test_the_classification_lists_only_columns_that_exist(store: Store) -> None:
    tables = set(_tables(store.conn))
    stale = [f"{table}.{column}" for table, columns in disclosure.FIELDS.items()
             for column in columns
             if table not in tables or column not in _text_columns(store.conn, table)]
    assert stale == []


def test_every_class_and_kind_is_one_of_the_known_ones() -> None:
    for table, columns in disclosure.FIELDS.items():
        for column, field in columns.items():
            assert field.cls in disclosure.CLASSES, f"{table}.{column}"
            assert field.kind in disclosure.KINDS, f"{table}.{column}"
            assert field.why.strip(), f"{table}.{column} says why"


def test_a_new_unclassified_column_fails_the_check(store: Store) -> None:
    store.conn.execute("ALTER TABLE programmes ADD COLUMN secret_plan TEXT")
    missing = [c for c in _text_columns(store.conn, "programmes")
               if c not in disclosure.FIELDS["programmes"]]
    assert missing == ["secret_plan"]


def test_every_flag_and_suggestion_rule_fact_has_a_class() -> None:
    used = set().union(*FLAG_FACTS.values(), WHY_FACTS, {"country", "code", "kind", "matched"})
    assert sorted(used - set(disclosure.FLAG_FACTS)) == []


def test_team_marks_are_on_withheld_fields_and_say_why() -> None:
    """The team's audience (the read-only web view) widens withheld fields only, each with a
    reason; public fields need no mark, and a mark never changes the public class."""
    marked = {(t, c): f for t, cols in {**disclosure.FIELDS, **disclosure.COMPUTED}.items()
              for c, f in cols.items() if f.team}
    assert marked, "the team's view shows some request fields"
    for (table, column), field in marked.items():
        assert field.cls == disclosure.WITHHELD, f"{table}.{column}"
        assert len(field.team.strip()) > 20, f"{table}.{column} says why the team may see it"
        assert disclosure.for_team(field)
    never = {("requests", c) for c in ("requesting_body", "notes", "created_by", "authoriser",
                                       "ethics_concerns", "modules", "start", "end",
                                       "ipab_reference", "s26_reference", "mission")}
    never |= {("request_events", c) for c in disclosure.FIELDS["request_events"]}
    never |= {("trainers", c) for c in disclosure.FIELDS["trainers"]}
    assert not never & set(marked)
    assert disclosure.for_team(disclosure.field("countries", "name"))
    assert not disclosure.for_team(disclosure.field("requests", "notes"))


def test_every_condition_a_suggestion_rule_may_use_has_a_class() -> None:
    """A new condition word without a class in disclosure.CONDITION_FACTS fails here (it would
    be treated as withheld, but the choice should be made, not defaulted)."""
    from catalogue.core.osja.vocabulary import PLAIN_CONDITIONS
    from catalogue.core.rules.policy_check import PLAIN_CONDITIONS as POLICY_CONDITIONS

    words = {*PLAIN_CONDITIONS, *POLICY_CONDITIONS, "judged:serious-risk", "judged:ihl"}
    kinds = {"discipline:", "sensitivity:", "audience:"}
    assert sorted(words - set(disclosure.CONDITION_FACTS)) == []
    assert sorted(kinds - set(disclosure.CONDITION_FACTS)) == []
    assert disclosure.condition_class("discipline:investigation") == disclosure.WITHHELD
    assert disclosure.condition_class("sensitivity:confidential") == disclosure.PUBLIC
    assert disclosure.condition_class("something-new") == disclosure.WITHHELD
