"""The trainer, calendar and delivery commands end to end, as the issue's 'done when' says:
add, accredit, assign, see the clash on the calendar, export .ics (parsed back), record a
cohort and evaluation and see them on the country card."""

from __future__ import annotations

import json
from pathlib import Path

from icalendar import Calendar


def _ok(result):  # type: ignore[no-untyped-def]
    assert result.exit_code == 0, result.output
    return result.output


def test_the_whole_journey(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _ok(invoke("programme", "new", "Command course", "--country", "Kenya", "--template",
               "command", "--start", "2027-03-01", "--mode", "uk"))
    _ok(invoke("programme", "new", "Second", "--country", "Ghana", "--template", "command",
               "--start", "2027-03-08", "--mode", "uk"))
    _ok(invoke("programme", "new", "Past", "--country", "Kenya", "--template", "command",
               "--start", "2026-10-05", "--cohort", "24"))
    assert "Added trainer 1" in _ok(invoke("trainer", "add", "A. Okafor", "--kind",
                                           "associate", "--discipline", "command",
                                           "--language", "French"))
    assert "until 2028-01-09" in _ok(invoke("trainer", "accredit", "A. Okafor", "--discipline",
                                            "command", "--on", "2026-01-10", "--expires",
                                            "2028-01-09"))
    out = _ok(invoke("trainer", "assign", "1", "1", "--role", "lead"))
    assert "No warnings." in out
    out = _ok(invoke("trainer", "assign", "1", "2"))
    assert "double-booking" in out and "programme 1" in out
    out = _ok(invoke("calendar", "--month", "2027-03"))
    assert "2 with clashes" in out and "CLASH" in out and "By trainer:" in out
    data = json.loads(_ok(invoke("calendar", "--month", "2027-03", "--json")))
    assert [d["programme_id"] for d in data["deliveries"]] == [1, 2]
    assert data["deliveries"][0]["clashes"][0]["trainer"] == "A. Okafor"

    feed = tmp_path / "okafor.ics"
    assert "Wrote 2 deliveries" in _ok(invoke("calendar", "--month", "2027-03", "--trainer",
                                              "1", "--ics", str(feed)))
    events = Calendar.from_ical(feed.read_bytes()).walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == ["Training programme for Kenya",
                                                   "Training programme for Ghana"]
    again = invoke("calendar", "--month", "2027-03", "--ics", str(feed))
    assert again.exit_code == 6  # never overwritten without --force

    _ok(invoke("delivery", "cohort", "3", "--group", "inspector:6:14:18:Nairobi CID",
               "--attendance", "92"))
    _ok(invoke("delivery", "evaluate", "3", "--level", "reaction", "--score", "4.4",
               "--method", "survey"))
    card = _ok(invoke("country", "Kenya"))
    assert "Deliveries and results (1):" in card  # one heading in both faces (core.card_view)
    assert "trained 20 (6 women, 14 men), 18 completed; attendance 92%" in card
    assert "Reaction 4.4/5" in card
    history = _ok(invoke("trainer", "history", "1"))
    assert "accredited" in history and "assigned" in history


def test_bad_input_exits_cleanly(invoke) -> None:  # type: ignore[no-untyped-def]
    _ok(invoke("programme", "new", "Past", "--country", "Kenya", "--template", "command",
               "--start", "2026-10-05", "--cohort", "10"))
    _ok(invoke("trainer", "add", "A. Okafor", "--kind", "staff"))
    cases = [
        (("trainer", "add", "X", "--kind", "serving-officer"), 2, "needs their force"),
        (("trainer", "show", "7"), 1, "no trainer 7"),
        (("trainer", "assign", "Nobody", "1"), 1, "no trainer called 'Nobody'"),
        (("trainer", "accredit", "1", "--discipline", "command", "--on", "2020-01-01",
          "--expires", "2021-01-01"), 2, "cannot be recorded as valid"),
        (("trainer", "accredit", "1", "--on", "2020-01-01"), 2, "one of --discipline"),
        (("delivery", "cohort", "1", "--group", "inspector:6:14"), 2, "larger than"),
        (("calendar", "--month", "March"), 2, "YYYY-MM"),
        (("trainer", "unavailable", "1", "--from", "2027-02-30", "--to", "2027-03-01"), 2, ""),
    ]
    for args, code, message in cases:
        result = invoke(*args)
        assert result.exit_code == code, (args, result.output)
        assert message in result.output
        assert "Traceback" not in result.output
    _ok(invoke("trainer", "unavailable", "1", "--from", "2027-04-01", "--to", "2027-04-10"))
    result = invoke("trainer", "unavailable", "1", "--from", "2027-04-05", "--to", "2027-04-20")
    assert result.exit_code == 2 and "overlaps" in result.output
    shown = _ok(invoke("trainer", "show", "1"))
    assert shown.count("2027-04") == 2  # the one period, nothing of the refused one
