"""Who did what, beyond the request trail: the trainer trail records the OS login (and the
signed-in user of a served session) as the request trail does, and a request's "Received by"
shows the login with the typed name as "on behalf of", in the CLI and the app."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from catalogue.core.identity import SIGNED_IN_ENV, os_login
from catalogue.core.requests.overview import request_overview
from catalogue.core.store import Store, open_store
from catalogue.core.trainers import roster
from catalogue.core.trainers.audit import trainer_history
from request_helpers import new_request


def test_trainer_events_record_the_os_login_beside_the_typed_name(store: Store) -> None:
    ident = roster.add_trainer(store, "B. Jones", "staff", by="A. Jones")
    roster.edit_trainer(store, ident, by=os_login(), notes="speaks Swahili")
    added, edited = trainer_history(store, ident)
    assert (added.by, added.login, added.signed_in) == ("A. Jones", os_login(), None)
    assert added.who == f"{os_login()} on behalf of A. Jones"
    assert edited.who == os_login()  # the login itself typed: no "on behalf of"


def test_trainer_events_record_the_signed_in_user_of_a_served_session(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SIGNED_IN_ENV, "alice@example.org")
    ident = roster.add_trainer(store, "B. Jones", "staff", by="alice@example.org")
    [event] = trainer_history(store, ident)
    assert (event.login, event.signed_in) == (os_login(), "alice@example.org")
    assert event.who == f"alice@example.org (signed in; login {os_login()})"


def test_a_typed_user_variable_cannot_change_the_trainer_trails_login(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("USER", "someone.else")
    monkeypatch.setenv("LOGNAME", "someone.else")
    ident = roster.add_trainer(store, "B. Jones", "staff", by="someone.else")
    [event] = trainer_history(store, ident)
    assert event.login == os_login() != "someone.else"
    assert event.who == f"{os_login()} on behalf of someone.else"


def test_trainer_rows_written_before_logins_keep_their_name(db_path: Path) -> None:
    with open_store(db_path) as store:
        ident = roster.add_trainer(store, "B. Jones", "staff", by="tester")
    conn = sqlite3.connect(db_path)
    conn.execute("ALTER TABLE trainer_events DROP COLUMN login")
    conn.execute("ALTER TABLE trainer_events DROP COLUMN signed_in")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'trainers_003_logins'")
    conn.commit()
    conn.close()
    with open_store(db_path) as store:  # migrates: the columns come back, empty
        [event] = trainer_history(store, ident)
        assert (event.by, event.login, event.who) == ("tester", None, "tester")
        roster.edit_trainer(store, ident, by="tester", notes="x")
        assert trainer_history(store, ident)[-1].login == os_login()


def test_cli_trainer_history_shows_who_with_on_behalf_of(invoke) -> None:  # type: ignore[no-untyped-def]
    assert invoke("trainer", "add", "B. Jones", "--kind", "staff", "--by",
                  "A. Jones").exit_code == 0
    table = invoke("trainer", "history", "1").output
    assert f"{os_login()} on behalf of A. Jones" in table
    [row] = json.loads(invoke("trainer", "history", "1", "--json").output)
    assert (row["login"], row["by"], row["who"]) == (os_login(), "A. Jones",
                                                     f"{os_login()} on behalf of A. Jones")


def test_received_by_is_the_login_on_behalf_of_the_typed_name(store: Store) -> None:
    made = new_request(store)  # typed "tester"
    request = request_overview(store, made.id)["request"]
    assert request["created_by"] == "tester"
    assert request["received_by"] == f"{os_login()} on behalf of tester"


def test_received_by_a_signed_in_user(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SIGNED_IN_ENV, "alice@example.org")
    made = new_request(store)
    assert request_overview(store, made.id)["request"]["received_by"] == (
        f"alice@example.org (signed in; login {os_login()}) on behalf of tester")


def test_received_by_on_a_request_logged_before_logins(store: Store) -> None:
    """Its created row has no login: the name typed then is all there is."""
    made = new_request(store)
    store.conn.execute("DROP TRIGGER request_events_append_only_update")
    store.conn.execute("UPDATE request_events SET login = NULL WHERE request_id = ?",
                       (made.id,))
    assert request_overview(store, made.id)["request"]["received_by"] == "tester"


def test_cli_request_show_says_who_received_it(invoke) -> None:  # type: ignore[no-untyped-def]
    assert invoke("request", "new", "--body", "Kenya Police Service", "--country", "Kenya",
                  "--by", "A. Jones").exit_code == 0
    assert invoke("request", "new", "--body", "Ghana Police Service", "--country", "Ghana",
                  "--by", os_login()).exit_code == 0
    shown = invoke("request", "show", "1").output
    line = next(x for x in shown.splitlines() if x.strip().startswith("Received"))
    assert line.endswith(f" by {os_login()} on behalf of A. Jones")
    line = next(x for x in invoke("request", "show", "2").output.splitlines()
                if x.strip().startswith("Received"))
    assert line.endswith(f" by {os_login()}")
    data = json.loads(invoke("request", "show", "1", "--json").output)
    assert data["request"]["received_by"] == f"{os_login()} on behalf of A. Jones"


def test_the_trainer_card_data_holds_the_latest_changes_newest_first(store: Store) -> None:
    from catalogue.core.trainers.views import trainer_detail

    ident = roster.add_trainer(store, "B. Jones", "staff", by="A. Jones")
    for n in range(6):
        roster.edit_trainer(store, ident, by="A. Jones", notes=f"note {n}")
    detail = trainer_detail(store, ident)
    assert detail.change_count == 7
    assert [e.action for e in detail.changes] == ["edited"] * 5
    assert [e.id for e in detail.changes] == sorted((e.id for e in detail.changes), reverse=True)
    assert detail.changes[0].who == f"{os_login()} on behalf of A. Jones"


def test_cli_trainer_history_shows_a_long_who_whole(invoke, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv(SIGNED_IN_ENV, "alice.longname@example.org")
    assert invoke("trainer", "add", "B. Jones", "--kind", "staff", "--by",
                  "Superintendent C. Smith").exit_code == 0
    table = invoke("trainer", "history", "1").output
    for part in ("alice.longname@example.org", "(signed in;", os_login(), "Superintendent",
                 "Smith"):
        assert part in table, table  # wrapped in its column, never cut off
    assert "…" not in "".join(line[:60] for line in table.splitlines())
