"""The team's read-only web view (``catalogue publish``, audience team): requests by state,
country and discipline, open requests by age, OSJA re-assessment and review marks worked out
when the copy is built, and rows linked request -> programme -> country, through
Datasette's own test client on a register with real records (no canaries: see
test_web_publish.py for those)."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("datasette")

from catalogue.core.publication import Publication
from catalogue.core.requests.register import link_programme
from catalogue.core.store import open_store
from catalogue.web.metadata import canned_queries
from catalogue.web.publish import datasette_for
from programme_helpers import make_programme
from request_helpers import new_request, record_osja, walk_to

PUBLIC_MODULE = "cmd-decision-logs"


@pytest.fixture
def team_copy(db_path: Path, tmp_path: Path) -> dict[str, Any]:
    """Four requests: KE (leadership and counter-terrorism, linked to a programme, its OSJA
    review date passed), KE (current assessment), FR (received), FR (declined)."""
    with open_store(db_path) as store:
        pid = make_programme(store, [PUBLIC_MODULE], delivery_mode="uk",
                             start_date="2027-05-04", audience_level="inspector")
        overdue = new_request(store, "KE", disciplines=["leadership", "counter-terrorism"])
        walk_to(store, overdue, "scoping")
        past = date.today() - timedelta(days=40)
        record_osja(store, overdue.id, today=past, review_on=past + timedelta(days=10))
        link_programme(store, overdue.id, pid, by="tester")
        current = new_request(store, "KE", disciplines=["leadership"])
        record_osja(store, current.id)
        fresh = new_request(store, "FR", disciplines=["leadership"])
        ended = new_request(store, "FR")
        walk_to(store, ended, "scoping")
        from catalogue.core.requests.workflow import decline

        decline(store, ended.id, by="tester", reason="ethics-concerns")
    (tmp_path / "web").mkdir()
    publication = Publication(str(db_path), str(tmp_path / "web" / "catalogue.db"))
    publication.refresh()
    return {"publication": publication, "programme": pid, "overdue": overdue.id,
            "current": current.id, "fresh": fresh.id, "ended": ended.id}


def _get(ds: Any, paths: dict[str, str]) -> dict[str, Any]:
    async def fetch() -> dict[str, Any]:
        out = {}
        for name, path in paths.items():
            reply = await ds.client.get(path)
            assert reply.status_code == 200, (path, reply.status_code, reply.text[:300])
            out[name] = reply.json() if ".json" in path else reply.text
        return out

    return asyncio.run(fetch())


def test_requests_hold_the_team_fields_only(team_copy) -> None:  # type: ignore[no-untyped-def]
    conn = sqlite3.connect(team_copy["publication"].target)
    conn.row_factory = sqlite3.Row
    rows = {r["id"]: dict(r) for r in conn.execute("SELECT * FROM requests")}
    overdue = rows[team_copy["overdue"]]
    assert overdue["country"] == "KE" and overdue["state"] == "scoping"
    assert json.loads(overdue["disciplines"]) == ["leadership"]  # CT is counted, not shown
    assert overdue["withheld_disciplines"] == 1
    assert overdue["programme_id"] == team_copy["programme"]
    assert overdue["received_on"] == date.today().isoformat()
    dump = "\n".join(conn.iterdump())
    assert "Test Police Service" not in dump and "counter-terrorism" not in dump
    assert "tester" not in dump and "A. Assessor" not in dump


def test_reviews_are_worked_out_for_open_requests(team_copy) -> None:  # type: ignore[no-untyped-def]
    conn = sqlite3.connect(team_copy["publication"].target)
    reviews = {r[0]: r[1:] for r in conn.execute(
        "SELECT request_id, osja_state, review_on, changed, worked_out_on FROM request_reviews")}
    assert set(reviews) == {team_copy[k] for k in ("overdue", "current", "fresh")}  # open ones
    state, review_on, changed, worked = reviews[team_copy["overdue"]]
    assert state == "reassess" and "Review date" in json.loads(changed)
    assert review_on == (date.today() - timedelta(days=30)).isoformat()
    assert worked == date.today().isoformat()
    assert reviews[team_copy["current"]][0] == "current"
    assert reviews[team_copy["current"]][2] == "[]"
    assert reviews[team_copy["fresh"]][:2] == ("none", None)


def test_facets_queries_and_links(team_copy) -> None:  # type: ignore[no-untyped-def]
    ds = datasette_for(team_copy["publication"].target)
    overdue, pid = team_copy["overdue"], team_copy["programme"]
    got = _get(ds, {
        "facets": "/catalogue/requests.json?_extra=facet_results",
        "programme_facets": "/catalogue/programmes.json?_extra=facet_results",
        "by_state": "/catalogue/requests.json?state=scoping&_shape=array",
        "by_discipline": "/catalogue/requests.json?disciplines__arraycontains=leadership"
                         "&_shape=array",
        "age": "/catalogue/open_requests_by_age.json?_shape=array",
        "reassess": "/catalogue/requests_needing_reassessment.json?_shape=array",
        "due": "/catalogue/osja_reviews_due.json?_shape=array",
        "regions": "/catalogue/requests_by_region.json?_shape=array",
        "request_rows": f"/catalogue/requests?id={overdue}",
        "request_row": f"/catalogue/requests/{overdue}",
        "programme_row": f"/catalogue/programmes/{pid}",
        "review_rows": "/catalogue/request_reviews",
        "programmes_html": "/catalogue/programmes",
        "meta": "/-/metadata.json",
    })
    facets = got["facets"]["facet_results"]
    assert {"state", "country", "disciplines", "location"} <= set(facets)
    counts = {v["value"]: v["count"] for v in facets["state"]["results"]}
    assert counts == {"scoping": 1, "received": 2, "declined": 1}
    assert {v["value"]: v["count"] for v in facets["country"]["results"]} == {"KE": 2, "FR": 2}
    assert [v["label"] for v in facets["country"]["results"]
            if v["value"] == "KE"] == ["Kenya"]
    assert {v["value"]: v["count"] for v in facets["disciplines"]["results"]} == {
        "leadership": 4}
    assert {"country", "disciplines"} <= set(got["programme_facets"]["facet_results"])
    assert [r["id"] for r in got["by_state"]] == [overdue]
    assert len(got["by_discipline"]) == 4
    # Open requests, oldest first, against the (local-practice) workflow target.
    age = got["age"]
    assert [r["request"] for r in age] == [overdue, team_copy["current"], team_copy["fresh"]]
    assert age[0]["country"] == "Kenya" and age[0]["days_open"] == 0
    assert age[0]["target_days"] == 30 and age[0]["against_target"] == ""
    assert [(r["request"], r["osja_state"]) for r in got["reassess"]] == [(overdue, "reassess")]
    due = got["due"]
    assert [(r["request"], r["days_left"]) for r in due] == [(overdue, -30),
                                                             (team_copy["current"], 365)]
    assert {"region": "Africa", "state": "scoping", "requests": 1} in got["regions"]
    # request -> programme -> country (labelled by title and name), and back.
    assert f'<a href="/catalogue/programmes/{pid}">' in got["request_rows"]
    assert '<a href="/catalogue/countries/KE">Kenya</a>' in got["request_rows"]
    assert f'href="/catalogue/request_reviews?request_id={overdue}"' in got["request_row"]
    assert f'href="/catalogue/requests?programme_id={pid}"' in got["programme_row"]
    assert f'href="/catalogue/programme_modules?programme_id={pid}"' in got["programme_row"]
    assert f'<a href="/catalogue/requests/{overdue}">' in got["review_rows"]
    # A programme with an audience rank (the export gives it as a record) links to it.
    assert '<a href="/catalogue/levels/inspector">Inspector</a>' in got["programmes_html"]
    tables = got["meta"]["databases"]["catalogue"]["tables"]
    assert tables["requests"]["columns"]["withheld_disciplines"].startswith("Disciplines")
    assert "team" in got["meta"]["title"]


def test_the_public_audience_leaves_the_team_out(team_copy, db_path: Path,
                                                  tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "public").mkdir()
    public = Publication(str(db_path), str(tmp_path / "public" / "catalogue.db"), "public")
    public.refresh()
    ds = datasette_for(public.target, audience="public")
    got = _get(ds, {"meta": "/-/metadata.json", "db": "/catalogue.json"})
    assert "requests" not in got["meta"]["databases"]["catalogue"]["tables"]
    assert "open_requests_by_age" not in got["meta"]["databases"]["catalogue"]["queries"]
    assert not {"requests", "request_reviews"} & {t["name"] for t in got["db"]["tables"]}
    assert set(canned_queries("public")) < set(canned_queries())


def test_a_record_that_cannot_be_read_is_marked_unknown(team_copy, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    """One damaged request does not stop the copy; it is marked unknown."""
    conn = sqlite3.connect(db_path)
    conn.execute("DROP TRIGGER IF EXISTS osja_assessments_append_only_update")
    conn.execute("UPDATE osja_assessments SET facts = 'not json' WHERE request_id = ?",
                 (team_copy["current"],))
    conn.commit()
    conn.close()
    publication = team_copy["publication"]
    publication.refresh()
    copy = sqlite3.connect(publication.target)
    states = dict(copy.execute("SELECT request_id, osja_state FROM request_reviews"))
    assert states[team_copy["current"]] == "unknown"
    assert states[team_copy["overdue"]] == "reassess"


def test_the_team_copy_is_rebuilt_each_day(team_copy, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """Review dates pass without the register changing: the signature carries the day."""
    import catalogue.core.publication as publication_module
    from catalogue.core.dates import utc_now

    publication = team_copy["publication"]
    assert not publication.stale()
    tomorrow = utc_now() + timedelta(days=1)
    monkeypatch.setattr(publication_module, "utc_now", lambda: tomorrow)
    assert publication.stale()
