"""``catalogue osja`` and ``catalogue conflict``: output, JSON, errors and exit codes."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from request_helpers import END, START

TODAY = date.today().isoformat()


def _new(invoke: Any, *scope: str) -> int:
    result = invoke("request", "new", "--body", "Force", "--start", START.isoformat(), "--end",
                    END.isoformat(), "--json", *scope)
    assert result.exit_code == 0, result.output
    return int(json.loads(result.output)["id"])


def _record(invoke: Any, rid: int, *extra: str, skip: str = "") -> Any:
    shown = json.loads(invoke("osja", "show", str(rid), "--json").output)
    answers = [a for p in shown["prompts"] if p["id"] != skip
               for a in ("--answer", f"{p['id']}=no")]
    return invoke("osja", "record", str(rid), "--author", "J. Smith", "--stage1-ref", "BE 4",
                  "--stage1-date", TODAY, "--serious-risk", "no", "--ihl", "does-not-apply",
                  "--consulted", f"Embassy political section, {TODAY}", "--level-reason",
                  "as assessed", *answers, *extra)


def test_show_lists_prompts_facts_and_the_local_practice_suggestion(invoke) -> None:  # type: ignore[no-untyped-def]
    rid = _new(invoke, "--country", "Egypt", "--discipline", "organised crime")
    out = invoke("osja", "show", str(rid)).output
    assert "OSJA assessment: no OSJA assessment recorded" in out
    assert "Suggested minimum approval level (local practice, not OSJA policy): Minister" in out
    assert "[death-penalty] Could this assistance contribute to a death sentence" in out
    assert "Egypt retains the death penalty (source: Amnesty International" in out
    assert f"catalogue osja record {rid}" in out and "--answer death-penalty=..." in out
    data = json.loads(invoke("osja", "show", str(rid), "--json").output)
    assert data["suggested_minimum"]["label"] == "local practice"
    assert data["status"]["state"] == "none" and data["latest"] is None


def test_record_history_and_request_history(invoke) -> None:  # type: ignore[no-untyped-def]
    rid = _new(invoke, "--country", "Egypt", "--discipline", "organised crime")
    below = _record(invoke, rid, "--level", "head-of-department")
    assert below.exit_code == 5 and "record why (--below-reason)" in below.stderr
    missing = _record(invoke, rid, "--level", "minister", skip="death-penalty")
    assert missing.exit_code == 2
    assert "answer every prompt: missing death-penalty" in missing.stderr
    done = _record(invoke, rid, "--level", "minister", "--note",
                   "death-penalty=assurances sought", "--mitigations", "no case work")
    assert done.exit_code == 0, done.output
    assert f"Recorded OSJA assessment version 1 for request {rid}" in done.output
    again = _record(invoke, rid, "--level", "head-of-department", "--below-reason",
                    "assurances obtained", "--json")
    assert json.loads(again.output)["version"] == 2
    history = invoke("osja", "history", str(rid)).output
    assert "Version 1: by J. Smith" in history and "Version 2: by J. Smith" in history
    assert "[death-penalty] no (assurances sought)" in history
    assert "Below the suggested minimum because: assurances obtained" in history
    assert "Stage 1 (in-country) assessment: BE 4" in history
    trail = json.loads(invoke("request", "history", str(rid), "--json").output)
    assert [e["details"]["version"] for e in trail if e["action"] == "osja-recorded"] == [1, 2]
    table = invoke("request", "history", str(rid)).output
    assert "osja-recorded" in table
    show = invoke("request", "show", str(rid)).output
    assert "assessment: current" in show and "version 2 by J. Smith" in show


def test_usage_errors_are_one_line_with_exit_2(invoke) -> None:  # type: ignore[no-untyped-def]
    rid = _new(invoke, "--country", "Kenya", "--discipline", "leadership")
    bad = _record(invoke, rid, "--level", "minister", "--answer", "noequals")
    assert bad.exit_code == 2 and "use ID=VALUE" in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1
    when = _record(invoke, rid, "--level", "minister", "--consulted", "nobody")
    assert when.exit_code == 2 and "NAME, YYYY-MM-DD" in when.stderr
    level = _record(invoke, rid, "--level", "king")
    assert level.exit_code == 2 and "unknown approval level 'king'" in level.stderr
    assert invoke("osja", "show", "999").exit_code == 1
    assert invoke("osja", "history", "999").exit_code == 1


def test_incidents_and_the_conflict_register(invoke) -> None:  # type: ignore[no-untyped-def]
    rid = _new(invoke, "--country", "Kenya", "--discipline", "leadership")
    assert _record(invoke, rid, "--level", "head-of-department").exit_code == 0
    added = invoke("osja", "incident", "Kenya", "--on", TODAY, "--note", "deaths in custody")
    assert added.exit_code == 0 and "Recorded serious incident 1 for KE" in added.output
    listed = json.loads(invoke("osja", "incidents", "--json").output)
    assert [(i["code"], i["note"]) for i in listed] == [("KE", "deaths in custody")]
    show = invoke("osja", "show", str(rid)).output
    assert "OSJA assessment: re-assessment needed" in show
    assert "changed: Serious incidents: none recorded ->" in show
    future = invoke("osja", "incident", "Kenya", "--on", "2999-01-01", "--note", "x")
    assert future.exit_code == 2 and "in the future" in future.stderr
    assert invoke("conflict", "list").output.startswith("No armed conflict")
    assert invoke("conflict", "set", "Kenya", "--as-of", TODAY, "--part", "north").exit_code == 0
    rows = json.loads(invoke("conflict", "list", "--json").output)
    assert [(r["code"], r["part"]) for r in rows] == [("KE", "north")]
    check = invoke("check", "--country", "Kenya", "--discipline", "leadership").output
    assert "[ihl-applies]" in check and "assume that it is" in check
    assert invoke("conflict", "clear", "Kenya").exit_code == 0
    assert invoke("conflict", "clear", "Kenya").exit_code == 1


def test_questions_lists_the_set_with_its_edition(invoke) -> None:  # type: ignore[no-untyped-def]
    out = invoke("osja", "questions").output
    assert "2017 edition (published 2017-01-26)" in out
    assert "[serious-risk]" in out and "[organisation's own wording" in out
    doc = json.loads(invoke("osja", "questions", "--json").output)
    assert doc["edition"]["id"] == "osja-2017"


def test_eu_check_with_a_host(invoke) -> None:  # type: ignore[no-untyped-def]
    out = invoke("check", "--country", "European Union", "--discipline", "investigation",
                 "--location", "in-country", "--host", "Belgium").output
    assert "Risk facts for Belgium (host country for European Union)" in out
    assert "Name the host country" not in out
    bare = invoke("check", "--country", "European Union", "--discipline", "investigation",
                  "--location", "in-country").output
    assert "Name the host country of in-country work for European Union" in bare
    wrong = invoke("check", "--country", "Kenya", "--host", "Belgium")
    assert wrong.exit_code == 2 and "a host country names the country" in wrong.stderr
