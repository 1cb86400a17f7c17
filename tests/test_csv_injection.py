"""Every CSV the program writes neutralises text a spreadsheet would run as a formula
(OWASP's advice on CSV injection: a leading apostrophe); numbers stay numbers."""

from __future__ import annotations

import csv
import io
import json

import pytest

from catalogue.cli.output import csv_cell
from catalogue.core.names import spreadsheet_safe

BODY = '=HYPERLINK("http://evil","x")'
BY = "+cmd|' /C calc'!A0"


@pytest.mark.parametrize("text", ["=1+1", "+cmd", "-2+3", "@SUM(1+1)", "\tx", "\rx", "- a"])
def test_formula_starts_get_an_apostrophe(text: str) -> None:
    assert spreadsheet_safe(text) == "'" + text


@pytest.mark.parametrize("text", ["Kenya", "", "-3", "+1.5", "2026-11-30", "a=b", "'quoted"])
def test_plain_text_and_numbers_are_kept(text: str) -> None:
    assert spreadsheet_safe(text) == text


def test_csv_cells_keep_numbers_and_neutralise_text() -> None:
    assert (csv_cell(-3), csv_cell(2.5), csv_cell(None)) == ("-3", "2.5", "")
    assert csv_cell(["=a", "b"]) == "'=a; b"
    assert csv_cell("@x\x1b") == "'@x\\x1b"


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_request_list_and_history_csv(invoke) -> None:  # type: ignore[no-untyped-def]
    made = invoke("request", "new", "--body", BODY, "--country", "Kenya", "--by", BY)
    assert made.exit_code == 0, made.output
    listed = _rows(invoke("request", "list", "--csv").output)
    assert listed[0]["requesting_body"] == "'" + BODY
    history = invoke("request", "history", "--all", "--csv")
    assert history.exit_code == 0, history.output
    events = _rows(history.output)
    assert events[0]["by"] == "'" + BY
    one = _rows(invoke("request", "history", "1", "--csv").output)
    assert all(not v.startswith(("=", "+", "@")) for row in one for v in row.values() if v)
    # JSON is data for programs: unchanged.
    assert json.loads(invoke("request", "list", "--json").output)[0]["requesting_body"] == BODY


def test_programme_list_and_export_csv(invoke) -> None:  # type: ignore[no-untyped-def]
    made = invoke("programme", "new", "@SUM(1+1)", "--country", "Kenya")
    assert made.exit_code == 0, made.output
    listed = _rows(invoke("programme", "list", "--csv").output)
    assert listed[0]["title"] == "'@SUM(1+1)"
    assert listed[0]["id"] == "1"
    added = invoke("programme", "add", "1", "cmd-decision-logs", "--notes=-1+1")
    assert added.exit_code == 0, added.output
    exported = invoke("programme", "export", "1", "--format", "csv")
    assert exported.exit_code == 0, exported.output
    modules = _rows(exported.output.replace("\r\n", "\n"))
    assert modules[-1]["notes"] == "'-1+1"
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
               for row in csv.reader(io.StringIO(exported.output)) for cell in row)
