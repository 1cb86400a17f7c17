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
