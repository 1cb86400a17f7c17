"""A register shared by a team: group permissions, logins in the audit trail, separation of
duties."""

from __future__ import annotations

import grp
import json
import os
import re
import shutil
import sqlite3
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from catalogue.core.backup import backup
from catalogue.core.identity import SIGNED_IN_ENV, attribution, os_login
from catalogue.core.requests.audit import history
from catalogue.core.requests.register import get_request
from catalogue.core.requests.workflow import advance
from catalogue.core.sharing import share
from catalogue.core.store import open_store
from request_helpers import END, START, new_request, record_osja, step_for, walk_to
from team_helpers import cli_as, other_accounts, share_group


def _mode(path: Path) -> tuple[int, str]:
    info = path.stat()
    return stat.S_IMODE(info.st_mode), grp.getgrgid(info.st_gid).gr_name


def test_init_shared_gives_the_group_and_nobody_else_access(invoke, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    group = share_group()
    result = invoke("db", "init", "--shared", group)
    assert result.exit_code == 0, result.output
    assert f"Shared with group {group} and nobody else" in result.output
    folder = db_path.parent
    assert _mode(folder) == (0o2770, group)
    assert _mode(folder / "backups") == (0o2770, group)
    assert _mode(db_path) == (0o660, group)
    # A later writer's -wal and -shm files inherit the database's mode and the folder's group.
    with open_store(db_path) as store:
        new_request(store)
        for suffix in ("-wal", "-shm"):
            assert _mode(Path(f"{db_path}{suffix}")) == (0o660, group)
        target = backup(store, folder / "backups" / "b.db")
    assert _mode(Path(target)) == (0o660, group)
    assert invoke("db", "init", "--shared", group).exit_code == 0  # idempotent


def test_a_private_database_keeps_owner_only_backups(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = backup(store, tmp_path / "b.db")
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600


def test_converting_an_existing_database_keeps_its_records(invoke, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    with open_store(db_path) as store:
        made = new_request(store)
    os.chmod(db_path, 0o600)
    os.chmod(db_path.parent, 0o700)
    assert invoke("db", "init", "--shared", share_group()).exit_code == 0
    assert _mode(db_path) == (0o660, share_group())
    shown = json.loads(invoke("request", "show", str(made.id), "--json").output)
    assert shown["request"]["requesting_body"] == "Test Police Service"


def test_sharing_refuses_an_unknown_group_and_a_folder_with_other_files(invoke, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    unknown = invoke("db", "init", "--shared", "no-such-group-here")
    assert unknown.exit_code == 2 and "no Unix group named 'no-such-group-here'" in unknown.output
    (db_path.parent / "notes.txt").write_text("private")
    before = stat.S_IMODE(db_path.parent.stat().st_mode)
    crowded = invoke("db", "init", "--shared", share_group())
    assert crowded.exit_code == 5 and "holds other files (notes.txt)" in crowded.output
    assert stat.S_IMODE(db_path.parent.stat().st_mode) == before
    with open_store(db_path) as store:
        assert store.meta("shared_group") is None


def test_audit_rows_record_the_os_login_and_a_typed_name_as_on_behalf_of(invoke) -> None:  # type: ignore[no-untyped-def]
    invoke("request", "new", "--body", "B", "--country", "Kenya", "--by", "A. Jones")
    invoke("request", "new", "--body", "C", "--country", "Kenya")
    events = json.loads(invoke("request", "history", "--all", "--json").output)
    assert [e["login"] for e in events] == [os_login(), os_login()]
    assert events[0]["by"] == "A. Jones"
    assert events[0]["who"] == f"{os_login()} on behalf of A. Jones"
    table = invoke("request", "history", "1").output
    assert f"{os_login()} on behalf of A. Jones" in table


def test_user_cannot_pose_as_another_login(invoke, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("USER", "someone.else")
    monkeypatch.setenv("LOGNAME", "someone.else")
    invoke("request", "new", "--body", "B", "--country", "Kenya")
    event = json.loads(invoke("request", "history", "--all", "--json").output)[0]
    assert event["login"] == os_login() != "someone.else"
    assert event["who"] == f"{os_login()} on behalf of someone.else"


def test_signed_in_user_is_recorded_beside_the_login(store, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv(SIGNED_IN_ENV, "alice@example.org\x1b[31m")
    made = new_request(store)
    event = history(store, made.id)[0]
    assert (event["login"], event["signed_in"]) == (os_login(), "alice@example.org[31m")
    assert event["who"].startswith("alice@example.org[31m (signed in; login ")


def test_rows_written_before_logins_keep_what_they_had(db_path: Path) -> None:
    with open_store(db_path) as store:
        made = new_request(store)
    conn = sqlite3.connect(db_path)
    conn.execute("ALTER TABLE request_events DROP COLUMN login")
    conn.execute("ALTER TABLE request_events DROP COLUMN signed_in")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm_requests_003_logins'")
    conn.commit()
    conn.close()
    with open_store(db_path) as store:  # migrates
        event = history(store, made.id)[0]
        assert (event["by"], event["login"], event["who"]) == ("tester", None, "tester")
    assert attribution("tester", None) == "tester"


def _walk_with_an_osja_assessor(store, request, target: str,  # type: ignore[no-untyped-def]
                                monkeypatch: pytest.MonkeyPatch):
    """Walk on, the OSJA assessment recorded by someone else (a decided level needs a
    second person on a shared register)."""
    walked = walk_to(store, request, "jiph-approved")
    before = os.environ.get(SIGNED_IN_ENV)
    monkeypatch.setenv(SIGNED_IN_ENV, "osja.assessor")
    record_osja(store, walked.id)
    if before is None:
        monkeypatch.delenv(SIGNED_IN_ENV)
    else:
        monkeypatch.setenv(SIGNED_IN_ENV, before)
    return walk_to(store, walked, target)


def _authorise(store, request_id: int):  # type: ignore[no-untyped-def]
    return advance(store, request_id, by="x", step=step_for("authorised"))


def test_whoever_logged_a_request_may_not_authorise_it_on_a_shared_register(
        db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from catalogue.core.errors import RefusedError

    with open_store(db_path) as store:
        share(store, share_group())
        monkeypatch.setenv(SIGNED_IN_ENV, "alice")
        made = _walk_with_an_osja_assessor(store, new_request(store), "embassy-consulted",
                                           monkeypatch)
        with pytest.raises(RefusedError, match=r"alice logged request .*someone else must record"):
            _authorise(store, made.id)
        assert store.scalar("SELECT state FROM requests WHERE id = ?", (made.id,)) == \
            "embassy-consulted"
        monkeypatch.setenv(SIGNED_IN_ENV, "bob")
        assert _authorise(store, made.id).state == "authorised"
        last = history(store, made.id)[-1]
        assert (last["signed_in"], last["to_state"]) == ("bob", "authorised")


def test_a_private_register_does_not_separate_duties_unless_policy_says_always(store) -> None:  # type: ignore[no-untyped-def]
    made = walk_to(store, new_request(store), "embassy-consulted")
    assert _authorise(store, made.id).state == "authorised"


@pytest.fixture
def shared_db(seeded_template: Path) -> Iterator[Path]:
    """A copy of the seeded database in a folder of its own under /tmp (which every account
    can pass through), shared with the test's group."""
    folder = Path(tempfile.mkdtemp(prefix="catalogue-team-"))
    target = folder / "catalogue.db"
    shutil.copyfile(seeded_template, target)
    with open_store(target) as store:
        share(store, share_group())
    yield target
    shutil.rmtree(folder, ignore_errors=True)


def test_separation_of_duties_between_os_users_on_a_shared_register(
        shared_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two real OS accounts: the one that logged the request is refused, the other is not."""
    alice, bob = other_accounts(2)
    group = share_group()
    logged = cli_as(alice, group, "--db", str(shared_db), "request", "new", "--body", "B",
                    "--country", "Kenya", "--discipline", "leadership", "--start",
                    START.isoformat(), "--end", END.isoformat(), "--json")
    assert logged.returncode == 0, logged.stderr
    new_id = json.loads(logged.stdout)["id"]
    with open_store(shared_db) as store:
        _walk_with_an_osja_assessor(store, get_request(store, new_id), "embassy-consulted",
                                    monkeypatch)
    step = ["--db", str(shared_db), "request", "advance", str(new_id), "--to", "authorised",
            "--authoriser", "A. M", "--level", "minister"]
    refused = cli_as(alice, group, *step)
    assert refused.returncode == 5 and f"{alice} logged request {new_id}" in refused.stderr
    allowed = cli_as(bob, group, *step)
    assert allowed.returncode == 0, allowed.stderr
    with open_store(shared_db) as store:
        events = history(store, new_id)
    assert (events[0]["login"], events[-1]["login"]) == (alice, bob)
    assert events[-1]["to_state"] == "authorised"


@pytest.mark.parametrize(("text", "message"), [
    ('authorise = "sometimes"', "[duties] authorise is 'sometimes'; expected one of: always, "
                                "shared, never"),
    ('authorize = "always"', "[duties] has unknown rule 'authorize'; rules: authorise, osja"),
])
def test_duties_in_the_policy_are_checked_with_file_and_line(tmp_path: Path, text: str,
                                                             message: str) -> None:
    from catalogue.core.data.location import data_dir
    from catalogue.core.errors import DataFileError
    from catalogue.core.rules.policy import load_policy

    root = tmp_path / "data"
    shutil.copytree(data_dir(), root)
    policy = root / "approval-policy.toml"
    source = policy.read_text()
    assert 'authorise = "shared"' in source
    policy.write_text(source.replace('authorise = "shared"', text))
    line = source.splitlines().index('authorise = "shared"') + 1
    with pytest.raises(DataFileError) as caught:
        load_policy(root)
    assert str(caught.value) == f"data/approval-policy.toml:{line}: {message}"
    assert load_policy(data_dir())["duties"] == {"authorise": "shared", "osja": "shared"}


def test_a_decided_osja_level_needs_a_second_person_on_a_shared_register(
        db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from catalogue.core.errors import RefusedError
    from catalogue.core.requests.workflow import next_step

    with open_store(db_path) as store:
        share(store, share_group())
        monkeypatch.setenv(SIGNED_IN_ENV, "alice")
        made = walk_to(store, new_request(store), "jiph-approved")
        record_osja(store, made.id, level="minister")
        refused = "alice recorded the OSJA assessment (version 1, level minister) of request"
        with pytest.raises(RefusedError, match=re.escape(refused)):
            advance(store, made.id, by="alice", step=step_for("osja-assessed"))
        assert any(refused in p for p in next_step(store, get_request(store, made.id))["problems"])
        monkeypatch.setenv(SIGNED_IN_ENV, "bob")
        assert advance(store, made.id, by="bob", step=step_for("osja-assessed")).state == \
            "osja-assessed"


def test_on_a_private_register_one_person_records_and_accepts_the_osja_level(store) -> None:  # type: ignore[no-untyped-def]
    made = walk_to(store, new_request(store), "jiph-approved")
    record_osja(store, made.id)
    assert advance(store, made.id, by="x", step=step_for("osja-assessed")).state == \
        "osja-assessed"
