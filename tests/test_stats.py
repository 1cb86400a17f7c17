"""Statistics: workload by discipline, states over time, step times and targets, delivery by
region and year; and ``catalogue stats`` over them."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from catalogue.core import seed
from catalogue.core.data.location import data_dir
from catalogue.core.errors import DataFileError
from catalogue.core.programmes.changes import add_modules, create_programme
from catalogue.core.stats.flow import states_over_time, step_report
from catalogue.core.stats.targets import load_targets
from catalogue.core.stats.workload import delivered_by_region, discipline_workload
from catalogue.core.store import Store
from request_helpers import new_request, walk_to


def _backdate(store: Store, request_id: int, days: int) -> None:
    """Move a request's whole history ``days`` into the past, as if it had been recorded
    then (the audit trail refuses updates, so this test database drops that guard)."""
    with store.write() as conn:
        conn.execute("DROP TRIGGER IF EXISTS request_events_append_only_update")
        for table, column, key in (("request_events", "at", "request_id"),
                                   ("requests", "state_changed_at", "id"),
                                   ("requests", "created_at", "id")):
            conn.execute(f"UPDATE {table} SET {column} = strftime('%Y-%m-%dT%H:%M:%SZ', "
                         f"julianday({column}) - ?) WHERE {key} = ?", (days, request_id))


def test_hours_and_programmes_by_discipline(store: Store) -> None:
    first = create_programme(store, {"title": "A", "country": "Kenya"})
    add_modules(store, first, ["cmd-national-decision-model", "cmd-decision-logs"])
    second = create_programme(store, {"title": "B", "country": "Ghana"})
    add_modules(store, second, ["cmd-decision-logs"])
    hours = {r["id"]: r["hours"] for r in store.query("SELECT id, hours FROM modules")}
    loads = {d.discipline: d for d in discipline_workload(store)}
    assert loads["command"].programmes == 2
    assert loads["command"].hours == (hours["cmd-national-decision-model"]
                                      + 2 * hours["cmd-decision-logs"])
    assert loads["leadership"].programmes == 0 and loads["leadership"].hours == 0
    assert len(loads) == 10
    assert all(d.programmes == 0 for d in discipline_workload(store, delivered_only=True))
    request = walk_to(store, new_request(store, "KE", disciplines=["command"]), "scheduled")
    with store.write() as conn:
        conn.execute("UPDATE requests SET programme_id = ? WHERE id = ?", (first, request.id))
    walk_to(store, request, "delivered")
    delivered = {d.discipline: d for d in discipline_workload(store, delivered_only=True)}
    assert delivered["command"].programmes == 1


def test_states_over_time_counts_each_month_end(store: Store) -> None:
    today = date.today()
    old = new_request(store, "KE")
    _backdate(store, old.id, 70)
    walk_to(store, old, "scoping")  # moved on today
    new_request(store, "GH")
    series = states_over_time(store, 5)
    assert series.months[-1] == today.strftime("%Y-%m") and len(series.months) == 5
    assert series.counts["received"][-1] == 1 and series.counts["scoping"][-1] == 1
    start = series.months.index((today - timedelta(days=70)).strftime("%Y-%m"))
    assert start > 0 and series.counts["received"][:start] == [0] * start
    assert series.counts["received"][start:-1] == [1] * (4 - start)
    assert series.counts["scoping"][:-1] == [0] * 4


def test_step_times_and_requests_past_the_local_practice_target(store: Store) -> None:
    targets = load_targets(store)
    assert targets.days["received"] == 5 and "local practice" in targets.basis
    waited = new_request(store, "KE")
    _backdate(store, waited.id, 12)
    walk_to(store, waited, "scoping")  # 12 days in "received"
    stuck = new_request(store, "GH")
    _backdate(store, stuck.id, 9)  # 9 days in "received", target 5
    new_request(store, "NG")  # received today: not past
    report = step_report(store, now=datetime.now(UTC) + timedelta(minutes=1))
    received = next(s for s in report.steps if s.state == "received")
    assert received.requests == 1 and received.median_days == pytest.approx(12, abs=0.1)
    assert received.target_days == 5
    assert [(o.request_id, o.country, o.days, o.target_days) for o in report.overdue] == \
        [(stuck.id, "GH", 9, 5)]
    assert report.overdue_total == 1 and "local practice" in report.basis
    assert next(s for s in report.steps if s.state == "authorised").median_days is None


def test_delivered_training_by_region_and_year(store: Store) -> None:
    walk_to(store, new_request(store, "KE", disciplines=["command"]), "delivered")
    walk_to(store, new_request(store, "FR", disciplines=["leadership"]), "delivered")
    new_request(store, "GH")
    table = delivered_by_region(store)
    year = str((date.today() + timedelta(days=200)).year)  # the helpers' course start
    assert table.years == [year]
    assert table.counts == {"Africa": [1], "Europe": [1]}
    assert delivered_by_region(store, discipline="Command").counts == {"Africa": [1]}


def test_a_bad_target_names_its_line(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(data_dir(), root)
    path = root / "workflow-targets.toml"
    text = path.read_text(encoding="utf-8").replace("scoping = 30", "scoping = 0")
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("scoping = 0") + 1
    with pytest.raises(DataFileError, match=rf"^data/workflow-targets\.toml:{line}: scoping"):
        seed.build(root)
    path.write_text(text.replace("scoping = 0", "delivered = 3"), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"unknown state 'delivered'"):
        seed.build(root)


def test_stats_commands_print_tables_and_json(invoke, store: Store) -> None:  # type: ignore[no-untyped-def]
    walk_to(store, new_request(store, "KE", disciplines=["command"]), "delivered")
    result = invoke("stats", "disciplines")
    assert result.exit_code == 0 and "Command" in result.output and "Hours" in result.output
    result = invoke("stats", "states", "--months", "3", "--json")
    data = json.loads(result.output)
    assert len(data["months"]) == 3 and data["counts"]["delivered"][-1] == 1
    result = invoke("stats", "steps")
    assert result.exit_code == 0 and "Target days (local practice)" in result.output
    assert "Targets: local practice" in result.output
    assert json.loads(invoke("stats", "steps", "--json").output)["overdue_total"] == 0
    result = invoke("stats", "regions", "--discipline", "command")
    assert result.exit_code == 0 and "Africa" in result.output
    assert "No request has been marked delivered in that discipline." in \
        invoke("stats", "regions", "--discipline", "leadership").output
    bad = invoke("stats", "regions", "--discipline", "astrology")
    assert bad.exit_code == 1 and bad.stderr.startswith("catalogue: ")
