"""``catalogue publish``: the copy for each audience and the Datasette view over it.

Every withheld field of every table holds a canary; every table, row page, facet and canned
query is requested through Datasette's own test client, and no canary may appear: none in
the public copy, and none but those of the fields marked for the team in the team's copy
(whose canaries must appear, so the test shows it wrote them).
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("datasette")

from catalogue.core import disclosure
from catalogue.core.errors import DatabaseError
from catalogue.core.publication import Publication
from catalogue.core.publication_specs import SPECS, TEAM, Spec, check_columns, specs_for
from catalogue.core.requests.register import link_programme
from catalogue.core.store import open_store
from catalogue.web.metadata import canned_queries
from catalogue.web.publish import datasette_for
from programme_helpers import make_programme
from request_helpers import new_request

PUBLIC_MODULE = "cmd-decision-logs"
HIDDEN_MODULES = ("pss-security-coordination-link", "ct-prevent")  # confidential, CT


def canary(table: str, column: str) -> str:
    return f"CANARY{table}{column}".replace("_", "").upper()


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')}


#: The canaries of the withheld fields the team's copy may show.
TEAM_FIELDS = {canary(table, column) for table, fields in disclosure.FIELDS.items()
               for column, field in fields.items() if field.team}


def _add_row(conn: sqlite3.Connection, table: str) -> None:
    """A row in an empty table (trainers and their deliveries): numbers 1, text 'x'."""
    info = conn.execute(f'PRAGMA table_info("{table}")').fetchall()
    values = [1 if "INT" in (row[2] or "").upper() or "REAL" in (row[2] or "").upper() else "x"
              for row in info]
    names = ", ".join(f'"{row[1]}"' for row in info)
    conn.execute(f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" for _ in info)})',
                 values)


def plant(path: Path) -> set[str]:
    """Records of every kind, then a canary in every withheld field of every table (and in
    the public-when-marked text of rows not marked public). Returns the canaries."""
    with open_store(path) as store:
        pid = make_programme(store, [PUBLIC_MODULE, *HIDDEN_MODULES], delivery_mode="blended",
                             start_date="2027-03-01", trainers=2)
        request = new_request(store, "KE", location="in-country")
        link_programme(store, request.id, pid, by="tester")
        store.conn.execute("INSERT OR REPLACE INTO travel_advice (code, level, as_of, set_by, "
                           "set_at) VALUES ('KE', 'against-all-but-essential', '2026-11-20', "
                           "'tester', '2026-11-20T00:00:00')")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA ignore_check_constraints = 1")
    for (trigger,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                   "AND name NOT LIKE '%fts%'").fetchall():
        conn.execute(f'DROP TRIGGER "{trigger}"')
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    secret: set[str] = set()
    for table, fields in disclosure.FIELDS.items():
        # The bookkeeping and the costing rates are JSON the build reads; no table of them is
        # published (test_public_copy_holds_no_request_audit_trainer_or_bookkeeping_table).
        if table not in tables or table in {"_meta", "_sqlite_migrations", "costing"}:
            continue
        present = _columns(conn, table)
        if conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] == 0:
            _add_row(conn, table)
        for column, field in fields.items():
            if column not in present or field.cls == disclosure.PUBLIC:
                continue
            text = canary(table, column)
            value = json.dumps([text]) if field.kind == disclosure.LIST else text
            if field.cls == disclosure.WITHHELD:
                conn.execute(f'UPDATE "{table}" SET "{column}" = ?', (value,))
            elif field.kind != disclosure.VALUE and table == "modules":
                conn.execute(f'UPDATE modules SET "{column}" = ? WHERE sensitivity != '
                             "'public' OR discipline_id = 'counter-terrorism'", (value,))
            elif field.kind != disclosure.VALUE and table == "disciplines":
                conn.execute(f'UPDATE disciplines SET "{column}" = ? WHERE sensitivity != '
                             "'public' OR id = 'counter-terrorism'", (value,))
            elif field.kind != disclosure.VALUE and table == "programme_modules":
                conn.execute("UPDATE programme_modules SET notes = ? WHERE module_id != ?",
                             (value, PUBLIC_MODULE))
            else:
                continue
            secret.add(text)
    conn.execute("UPDATE programmes SET notes = 'Public notes', public_title = 'Open title'")
    conn.commit()
    conn.close()
    return secret


@pytest.fixture(params=[TEAM, disclosure.PUBLIC])
def planted(request: pytest.FixtureRequest, db_path: Path,
            tmp_path: Path) -> tuple[Publication, set[str]]:
    """The copy for each audience, and the canaries that must not reach it."""
    secret = plant(db_path)
    publication = Publication(str(db_path), str(tmp_path / "public" / "catalogue.db"),
                              request.param)
    (tmp_path / "public").mkdir()
    publication.refresh()
    return publication, secret - TEAM_FIELDS if request.param == TEAM else secret


async def _get_all(ds: Any, paths: list[str]) -> dict[str, str]:
    found = {}
    for path in paths:
        reply = await ds.client.get(path)
        assert reply.status_code == 200, (path, reply.status_code, reply.text[:300])
        found[path] = reply.text
    return found


def _paths(target: str) -> list[str]:
    conn = sqlite3.connect(target)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    paths = ["/", "/catalogue", "/catalogue.json", "/-/metadata.json"]
    for table in tables:
        paths += [f"/catalogue/{table}", f"/catalogue/{table}.json?_shape=array&_size=max",
                  f"/catalogue/{table}.csv?_size=max"]
        pks = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")') if r[5]] or ["rowid"]
        for row in conn.execute(f'SELECT {", ".join(pks)} FROM "{table}" LIMIT 3'):
            key = ",".join(str(v) for v in row)
            paths += [f"/catalogue/{table}/{key}", f"/catalogue/{table}/{key}.json"]
    for query in canned_queries(TEAM if "requests" in tables else "public"):
        paths += [f"/catalogue/{query}", f"/catalogue/{query}.json?_shape=array"]
    conn.close()
    return paths


def test_no_withheld_canary_reaches_any_page_table_row_or_query(planted) -> None:  # type: ignore[no-untyped-def]
    publication, secret = planted
    assert len(secret) > 60  # every withheld field of every table was planted
    ds = datasette_for(publication.target, audience=publication.audience)
    pages = asyncio.run(_get_all(ds, _paths(publication.target)))
    assert len(pages) > 60
    for path, text in pages.items():
        upper = text.upper()
        leaked = sorted(c for c in secret if c in upper)
        assert leaked == [], f"{path} shows {leaked}"
    shown = pages["/catalogue/programmes.json?_shape=array&_size=max"]
    assert "Open title" in shown and "Public notes" in shown
    team_rows = pages.get("/catalogue/requests.json?_shape=array&_size=max", "")
    if publication.audience == TEAM:
        # The team's fields were planted too, and show; a discipline not marked public
        # (the planted one is none) is counted, never shown.
        assert {canary("requests", c) for c in ("country", "state", "location")} <= \
            set(json.loads(team_rows)[0].values())
        assert json.loads(team_rows)[0]["disciplines"] == "[]"
        assert json.loads(team_rows)[0]["withheld_disciplines"] == 1
        assert canary("requests", "disciplines") not in "".join(pages.values()).upper()
    else:
        assert team_rows == "" and "/catalogue/requests" not in pages
        assert not [c for c in TEAM_FIELDS if c in "".join(pages.values()).upper()]


def test_the_canaries_are_in_the_source(db_path: Path) -> None:
    """The test above can fail: the live database holds every canary it looks for."""
    secret = plant(db_path)
    conn = sqlite3.connect(db_path)
    dump = "\n".join(conn.iterdump()).upper()
    assert sorted(c for c in secret if c not in dump) == []


def test_every_published_column_is_classified_public() -> None:
    for spec in SPECS:
        check_columns(spec)  # raises for any that is not
    with pytest.raises(DatabaseError, match=r"programmes\.vulnerability_notes"):
        check_columns(Spec("programmes", (("vulnerability_notes", "TEXT"),), "id"))
    with pytest.raises(DatabaseError, match=r"requests\.state: it is not classified public"):
        check_columns(Spec("requests", (("state", "TEXT"),), "id"))
    check_columns(Spec("requests", (("state", "TEXT"),), "id", audience=TEAM))
    with pytest.raises(DatabaseError, match=r"requests\.notes: it is not classified for the team"):
        check_columns(Spec("requests", (("notes", "TEXT"),), "id", audience=TEAM))
    with pytest.raises(DatabaseError, match=r"requests\.created_by"):
        check_columns(Spec("requests", (("created_by", "TEXT"),), "id", audience=TEAM))
    assert "requests" not in {s.name for s in specs_for("public")}
    with pytest.raises(DatabaseError, match="no audience 'partner'"):
        specs_for("partner")
    with pytest.raises(DatabaseError, match=r"modules\.title"):  # marked public: needs a filter
        check_columns(Spec("modules", (("title", "TEXT"),), "id"))


def test_public_copy_holds_no_request_audit_trainer_or_bookkeeping_table(planted) -> None:  # type: ignore[no-untyped-def]
    publication, _ = planted
    conn = sqlite3.connect(publication.target)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {spec.name for spec in specs_for(publication.audience)}
    assert not tables & {"request_events", "trainers", "costing", "_meta",
                         "programmes_fts", "policy", "osja_assessments"}
    if publication.audience == TEAM:
        assert tables == {spec.name for spec in SPECS}
        assert {c[1] for c in conn.execute("PRAGMA table_info(requests)")} == {
            "id", "country", "state", "location", "disciplines", "withheld_disciplines",
            "received_on", "state_since", "programme_id"}
    else:
        assert "requests" not in tables and "request_reviews" not in tables
    modules = {r[0] for r in conn.execute("SELECT module_id FROM programme_modules")}
    assert modules == {PUBLIC_MODULE}
    assert conn.execute("SELECT start_date, withheld_modules FROM programmes").fetchone() == \
        ("2027-03", 2)


def test_metadata_facets_links_and_queries(planted) -> None:  # type: ignore[no-untyped-def]
    publication, _ = planted
    ds = datasette_for(publication.target)

    async def fetch() -> dict[str, Any]:
        out = {}
        for name, path in (
                ("programmes", "/catalogue/programmes.json?_extra=facet_results"),
                ("table_meta", "/catalogue/programmes.json"),
                ("region", "/catalogue/programmes_by_region.json?_shape=array"),
                ("discipline", "/catalogue/programmes_by_discipline.json?_shape=array"),
                ("html", "/catalogue/programmes"),
                ("module_rows", "/catalogue/programme_modules"),
                ("programme_row", "/catalogue/programmes/1"),
                ("meta", "/-/metadata.json")):
            reply = await ds.client.get(path)
            out[name] = reply.json() if ".json" in path else reply.text
        return out

    got = asyncio.run(fetch())
    facets = got["programmes"]["facet_results"]
    assert {"country", "delivery_mode", "disciplines"} <= set(facets)
    assert [v["value"] for v in facets["country"]["results"]] == ["KE"]
    assert got["region"] == [{"region": "Africa", "programmes": 1, "hours": 6.0}]
    assert got["discipline"] == [{"discipline": "Command", "programmes": 1}]
    assert "Training programmes" in got["html"] and "Kenya" in got["html"]  # label of KE
    # Rows link to each other: a programme's module to its programme and library module,
    # and a programme to its modules.
    assert '<a href="/catalogue/programmes/1">Open title</a>' in got["module_rows"]
    assert 'href="/catalogue/modules/cmd-decision-logs"' in got["module_rows"]
    assert 'href="/catalogue/programme_modules?programme_id=1"' in got["programme_row"]
    tables = got["meta"]["databases"]["catalogue"]["tables"]
    assert tables["programmes"]["columns"]["title"].startswith("The public title")


def test_refresh_follows_changes_and_reuses_unchanged_programmes(planted, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    publication, _ = planted
    assert not publication.stale()
    with open_store(db_path) as store:
        make_programme(store, [PUBLIC_MODULE], delivery_mode="uk", start_date="2027-05-04")
    assert publication.stale()
    assert publication.refresh() == 2
    conn = sqlite3.connect(publication.target)
    assert conn.execute("SELECT start_date FROM programmes WHERE id = 2").fetchone() == \
        ("2027-05-04",)  # UK delivery: the exact date is public


def test_refresh_while_the_register_is_written(db_path: Path, tmp_path: Path) -> None:
    """The snapshot is consistent while another connection writes (the backup API)."""
    import threading

    publication = Publication(str(db_path), str(tmp_path / "catalogue-public.db"))
    stop = threading.Event()

    def write() -> None:
        with open_store(db_path) as store:
            while not stop.is_set():
                make_programme(store, [PUBLIC_MODULE], delivery_mode="uk")

    writer = threading.Thread(target=write)
    writer.start()
    try:
        counts = [publication.refresh() for _ in range(3)]
    finally:
        stop.set()
        writer.join()
    conn = sqlite3.connect(publication.target)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert counts == sorted(counts)
    assert conn.execute("SELECT count(*) FROM programmes").fetchone()[0] == counts[-1]


def test_publish_refuses_another_address_without_allow_remote(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("publish", "--host", "0.0.0.0")
    assert result.exit_code == 2
    assert "needs --allow-remote" in result.output and "single sign-on proxy" in result.output


def test_publish_runs_datasette_on_the_public_copy(invoke, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    import catalogue.web.publish as web_publish

    seen: dict[str, Any] = {}

    def fake_run(db_path: str, host: str, port: int, refresh: float, report: Any,
                 audience: str) -> None:
        seen.update(db_path=db_path, host=host, port=port, refresh=refresh, audience=audience)

    monkeypatch.setattr(web_publish, "run", fake_run)
    monkeypatch.setattr("catalogue.web.listen.check_listen",
                        lambda h, p: seen.update(checked=(h, p)))
    result = invoke("publish", "--host", "10.1.2.3", "--allow-remote", "--port", "9001")
    assert result.exit_code == 0, result.output
    assert seen["checked"] == ("10.1.2.3", 9001)  # the port is checked before it starts
    assert "warning: catalogue publish has no sign-in" in result.output
    assert (seen["host"], seen["port"], seen["refresh"]) == ("10.1.2.3", 9001, 60)
    assert seen["audience"] == "team"
    result = invoke("publish", "--audience", "public")
    assert result.exit_code == 0 and seen["audience"] == "public"
    assert "Publishing the public copy" in result.output
    result = invoke("publish", "--audience", "partner")
    assert result.exit_code == 2 and "'partner' is not one of" in result.output


def test_the_app_refuses_to_open_the_public_copy(planted) -> None:  # type: ignore[no-untyped-def]
    """The public copy is not a catalogue database: nobody can take it for the register."""
    publication, _ = planted
    with pytest.raises(DatabaseError, match="not a catalogue database"):
        open_store(publication.target)


def test_the_refresher_rebuilds_the_copy_when_the_register_changes(db_path: Path,
                                                                  tmp_path: Path) -> None:
    import time

    from catalogue.web.publish import Refresher

    with pytest.raises(DatabaseError, match="cannot be written over the database"):
        Publication(str(db_path), str(db_path))
    (tmp_path / "web").mkdir()
    publication = Publication(str(db_path), str(tmp_path / "web" / "catalogue.db"))
    publication.refresh()
    messages: list[str] = []
    refresher = Refresher(publication, 0.05, messages.append)
    refresher.start()
    try:
        with open_store(db_path) as store:
            make_programme(store, [PUBLIC_MODULE], delivery_mode="uk")
        deadline = time.monotonic() + 20
        while not messages and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        refresher.stopped.set()
        refresher.join(5)
    assert messages and messages[0].startswith("refreshed at ") and "(1 programme)" in messages[0]
    conn = sqlite3.connect(publication.target)
    assert conn.execute("SELECT count(*) FROM programmes").fetchone() == (1,)


def test_stopping_publish_removes_its_public_copy(db_path: Path, tmp_path: Path) -> None:
    """systemd stops the service with SIGTERM: the copy's private folder goes with it."""
    import os
    import signal
    import subprocess
    import sys

    from browser import free_port, wait_for_port

    scratch = tmp_path / "tmp"
    scratch.mkdir()
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "catalogue", "--db", str(db_path),
                                "publish", "--port", str(port)],
                               env={**os.environ, "TMPDIR": str(scratch)},
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(port, 60)
        [folder] = list(scratch.iterdir())
        assert (folder / "catalogue.db").exists()
    finally:
        process.send_signal(signal.SIGTERM)
        code = process.wait(30)
    assert code == 0
    assert list(scratch.iterdir()) == []
