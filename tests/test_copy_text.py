"""Copy out: the plain texts the app puts on the clipboard come from the core, without
markup, with stored text shown literally and control characters made visible."""

from __future__ import annotations

from datetime import UTC, date, datetime

from catalogue.core.exports.plain_text import outline_plain_text
from catalogue.core.programmes.outline import build_outline
from catalogue.core.requests.overview import request_overview
from catalogue.core.requests.register import create_request
from catalogue.core.requests.summary import request_plain_text
from catalogue.core.rules.scope import build_scope
from catalogue.core.store import Store
from programme_helpers import make_programme

BODY = "Kenya Police [bold]Service[/] \x1b[31mred"


def test_request_summary_is_plain_text(store: Store) -> None:
    request = create_request(store, BODY, build_scope(store, "Kenya", disciplines=["leadership"]),
                             by="tester", notes="call first [link=x]",
                             now=datetime(2026, 1, 1, tzinfo=UTC))
    text = request_plain_text(request_overview(store, request.id, today=date(2026, 1, 20)))
    lines = text.splitlines()
    assert lines[0] == f"Request {request.id}: Kenya Police [bold]Service[/] \\x1b[31mred"
    assert "\x1b" not in text  # shown, never sent to whatever it is pasted into
    assert "Country:      Kenya (KE)" in lines
    assert "State:        Received since 2026-01-01" in lines
    assert "Clock:        19 days in this state: OVERDUE, target 5, 14 over" in lines
    assert any(line.strip().startswith("Target days: local practice") for line in lines)
    assert "Notes:        call first [link=x]" in lines
    assert any(line.startswith("Next step: Scoping") for line in lines)
    assert "Approvals: 0 of 5" in lines and "  [ ] Authorised" in lines
    assert "International Police Assistance Board (IPAB)" in text  # spelled out once


def test_outline_is_plain_text_in_order(store: Store) -> None:
    programme = make_programme(store, ["cmd-national-decision-model", "cmd-decision-logs"],
                               title="Command *course* [b]x[/b]")
    outline = build_outline(store, programme)
    text = outline_plain_text(outline)
    lines = text.splitlines()
    assert lines[0] == "Command *course* [b]x[/b]"  # as typed: no Markdown, no styling
    assert lines[1].startswith("Country:        Kenya (KE)")
    first, second = (m["title"] for m in outline["modules"])
    assert lines.index("Modules") < next(i for i, line in enumerate(lines)
                                         if line.startswith(f"  1. {first}"))
    assert any(line.startswith(f"  2. {second}") for line in lines)
    assert "Training time by discipline" in lines
    assert "Suggested minimum approval level (local practice)" in text
    assert "|" not in text and "**" not in text and "##" not in text
