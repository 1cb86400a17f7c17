"""An empty or blank country name (or search) is a usage error: exit 2 with one line saying
so, not "not found" (exit 1) nor a filter silently left out."""

from __future__ import annotations

import pytest

BLANK_COMMANDS = [
    ("country", "{}"),
    ("countries", "--search", "{}"),
    ("countries", "--region", "{}"),
    ("countries", "--area", "{}"),
    ("facets", "--search", "{}"),
    ("programme", "list", "--country", "{}"),
    ("request", "list", "--country", "{}"),
    ("calendar", "--country", "{}"),
    ("osja", "incidents", "--country", "{}"),
    ("osja", "incident", "{}", "--on", "2026-11-28", "--note", "x"),
    ("conflict", "set", "{}", "--as-of", "2026-11-20"),
    ("conflict", "clear", "{}"),
    ("discipline", "{}"),
    ("module", "{}"),
    ("trainer", "show", "{}"),
    ("trainer", "add", "{}", "--kind", "staff"),
    ("advice", "set", "{}", "none", "--as-of", "2026-11-30"),
    ("advice", "set", "Kenya", "{}", "--as-of", "2026-11-30"),
    ("advice", "clear", "{}"),
    ("check", "--country", "Kenya", "--discipline", "{}"),
    ("check", "--country", "Kenya", "--discipline", "leadership", "--module", "{}"),
    ("calendar", "--trainer", "{}"),
    ("calendar", "--month", "{}"),
    ("facets", "--discipline", "{}"),
    ("stats", "regions", "--discipline", "{}"),
    ("map", "--highlight", "{}"),
    ("trainer", "list", "--subject", "{}"),
    ("programme", "new", "{}", "--country", "Kenya"),
    ("programme", "new", "Course", "--country", "Kenya", "--template", "{}"),
    ("request", "decline", "1", "--reason", "{}"),
    ("request", "withdraw", "1", "--reason", "{}"),
    ("request", "reset", "1", "--to", "scoping", "--reason", "{}"),
    ("request", "decline", "1", "--reason", "no", "--signal", "{}"),
    ("request", "link", "1", "{}"),
    ("programme", "export", "1", "--format", "md", "-o", "{}"),
    ("osja", "export", "1", "-o", "{}"),
    ("request", "pack", "1", "-o", "{}"),
]


@pytest.mark.parametrize("blank", ["", "   ", "\t"])
@pytest.mark.parametrize("command", BLANK_COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_a_blank_name_is_a_usage_error(invoke, command: tuple[str, ...], blank: str) -> None:  # type: ignore[no-untyped-def]
    result = invoke(*(blank if part == "{}" else part for part in command))
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("catalogue: "), result.stderr
    assert "empty" in lines[0]
    assert result.stdout == ""


def test_a_name_still_finds_its_country(invoke) -> None:  # type: ignore[no-untyped-def]
    assert invoke("country", " Kenya ").exit_code == 0
    assert invoke("countries", "--search", "ken").exit_code == 0


def test_an_unknown_decline_reason_is_a_usage_error(invoke) -> None:  # type: ignore[no-untyped-def]
    assert invoke("request", "new", "--body", "KPS", "--country", "Kenya").exit_code == 0
    result = invoke("request", "decline", "1", "--reason", "no", "--signal", "bogus")
    assert result.exit_code == 2, result.output
    assert "'bogus' is not one of: jiph-refused" in result.stderr
    assert invoke("request", "show", "1", "--json").output.count('"declined"') == 0
    done = invoke("request", "decline", "1", "--reason", "no", "--signal", "staff-risk")
    assert done.exit_code == 0, done.output


def test_names_still_work(invoke) -> None:  # type: ignore[no-untyped-def]
    assert invoke("discipline", "leadership").exit_code == 0
    assert invoke("calendar", "--month", "2026-11").exit_code == 0
    assert invoke("check", "--country", "Kenya", "--discipline", "leadership").exit_code == 0
