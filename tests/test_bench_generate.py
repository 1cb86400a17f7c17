"""The benchmark database generator at a tiny scale, so it cannot silently rot.

It writes straight into the user tables; these checks make sure what it writes is what the
app itself would have written: valid states and step records, audit trails that start with
"created" and end in the request's state, an FTS index in sync, triggers restored, WAL on.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import generate

from catalogue.core.requests.states import FORWARD, STATES, TERMINAL
from catalogue.core.store import open_store

TINY = generate.Sizes(programmes=300, requests=300, events=3_000)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, generate.Report]:
    path = tmp_path_factory.mktemp("bench") / "tiny.db"
    return path, generate.generate(path, TINY)


def _digest(path: Path) -> str:
    conn = sqlite3.connect(path)
    digest = hashlib.sha256()
    for table in ("programmes", "programme_modules", "requests", "request_events"):
        for row in conn.execute(f"SELECT * FROM {table} ORDER BY rowid"):
            digest.update(repr(tuple(row)).encode())
    conn.close()
    return digest.hexdigest()


def test_sizes_and_report(tiny: tuple[Path, generate.Report]) -> None:
    path, report = tiny
    assert report.rows["programmes"] == 300
    assert report.rows["requests"] == 300
    assert report.rows["request_events"] == 3_000
    assert 300 * 5 <= report.rows["programme_modules"] <= 300 * 20
    assert json.loads(Path(f"{path}.json").read_text())["sizes"]["programmes"] == 300
    assert "generated" in generate.describe(report)


def test_database_is_consistent(tiny: tuple[Path, generate.Report]) -> None:
    path, _report = tiny
    with open_store(path) as store:
        assert store.scalar("PRAGMA journal_mode") == "wal"
        assert store.scalar("PRAGMA integrity_check") == "ok"
        store.conn.execute("INSERT INTO programmes_fts (programmes_fts) VALUES ('integrity-check')")
        countries = store.scalar("SELECT count(*) FROM countries")
        assert store.scalar("SELECT count(DISTINCT country) FROM programmes") == countries
        assert store.scalar("SELECT count(DISTINCT country) FROM requests") == countries
        counts = store.query("SELECT count(*) AS n, min(position) AS lo, max(position) AS hi "
                             "FROM programme_modules GROUP BY programme_id")
        assert all(r["lo"] == 1 and r["hi"] == r["n"] and 5 <= r["n"] <= 20 for r in counts)
        assert store.scalar("SELECT count(*) FROM programme_modules pm LEFT JOIN modules m "
                            "ON m.id = pm.module_id WHERE m.id IS NULL") == 0
        assert {r[0] for r in store.query("SELECT DISTINCT state FROM requests")} == set(STATES)
        for request in store.query("SELECT * FROM requests"):
            trail = store.query("SELECT action, to_state FROM request_events WHERE request_id = ? "
                                "AND action != 'edited' ORDER BY id", (request["id"],))
            assert trail[0]["action"] == "created"
            assert trail[-1]["to_state"] == request["state"]
            assert (request["ipab_reference"] is not None) == (
                request["state"] in FORWARD[FORWARD.index("ipab-submitted"):]
                or (request["state"] in TERMINAL - {"delivered"}
                    and any(t["to_state"] == "ipab-submitted" for t in trail)))
        late = store.scalar("SELECT count(*) FROM requests r WHERE state = 'delivered' AND "
                            "start > (SELECT substr(max(at), 1, 10) FROM request_events e "
                            "WHERE e.request_id = r.id AND e.to_state = 'delivered')")
        assert late == 0  # as the workflow allows: delivered once the course has started
        linked = store.query("SELECT p.id, p.request_id, r.programme_id FROM programmes p "
                             "JOIN requests r ON r.id = p.request_id")
        assert linked and all(r["programme_id"] == r["id"] for r in linked)


def test_app_keeps_working_on_it(tiny: tuple[Path, generate.Report], tmp_path: Path) -> None:
    """Triggers are back: a new programme is searchable, the audit trail stays append-only."""
    from catalogue.core.programmes.changes import create_programme
    from catalogue.core.programmes.queries import ProgrammeFilter, count_programmes

    copy = tmp_path / "copy.db"
    with open_store(tiny[0]) as source, sqlite3.connect(copy) as target:
        source.conn.backup(target)
    with open_store(copy) as store:
        create_programme(store, {"title": "Zanzibarian harbour patrols", "country": "Kenya"})
        assert count_programmes(store, ProgrammeFilter(search="zanzibarian")) == 1
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            store.conn.execute("DELETE FROM request_events WHERE id = 1")


def test_deterministic(tiny: tuple[Path, generate.Report], tmp_path: Path) -> None:
    again = tmp_path / "again.db"
    generate.generate(again, TINY)
    assert _digest(again) == _digest(tiny[0])
    assert generate.ensure(again, TINY) is None  # already there: not regenerated
