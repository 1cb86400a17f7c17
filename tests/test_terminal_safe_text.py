"""User text is shown, never obeyed, in the terminal and the app: bidirectional overrides are
escaped (``\\u202e``), and a line break in a one-line place (a table cell, a card's labelled
row) is shown as "↵" instead of breaking the layout; notes keep their lines, indented."""

from __future__ import annotations

from typing import Any

import pytest

from catalogue.core.names import LINE_BREAK_MARK, one_line, paragraph, printable

RTL = "\u202e"
FUNDER = "line1\nline2\rCR"
NOTES = f"a {RTL}RTL\nsecond line"


@pytest.mark.parametrize("code", [*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
def test_bidi_controls_are_shown_escaped(code: int) -> None:
    assert printable(f"a{chr(code)}b") == f"a\\u{code:04x}b"


def test_printable_keeps_ordinary_text_and_line_feeds() -> None:
    assert printable("Côte d’Ivoire\tx\ny") == "Côte d’Ivoire\tx\ny"
    assert printable("\u200f\u05d0") == "\u200f\u05d0"  # a mark and Hebrew are text, not overrides


def test_one_line_shows_line_breaks() -> None:
    assert one_line(FUNDER) == f"line1{LINE_BREAK_MARK}line2\\x0dCR"
    assert one_line("a\r\nb\u2028c") == "a↵b↵c"
    assert "\n" not in one_line(NOTES) and RTL not in one_line(NOTES)


def test_paragraph_keeps_lines_in_the_value_column() -> None:
    assert paragraph(NOTES, 4) == "a \\u202eRTL\n    second line"


def _new(invoke: Any) -> None:
    made = invoke("request", "new", "--body", f"KPS{RTL}x", "--country", "Kenya", "--funder",
                  FUNDER, "--partners", "p1\np2", "--notes", NOTES)
    assert made.exit_code == 0, made.output


def test_request_card_keeps_its_layout(invoke) -> None:  # type: ignore[no-untyped-def]
    _new(invoke)
    shown = invoke("request", "show", "1")
    assert shown.exit_code == 0, shown.output
    assert RTL not in shown.output
    lines = shown.output.splitlines()
    assert "  Funder         line1↵line2\\x0dCR" in lines
    assert "  Partners       p1↵p2" in lines
    notes = lines.index("  Notes          a \\u202eRTL")
    assert lines[notes + 1] == " " * 17 + "second line"
    assert lines[0] == "Request 1: KPS\\u202ex (Kenya, KE)"


def test_request_list_cells_stay_on_one_line(invoke) -> None:  # type: ignore[no-untyped-def]
    _new(invoke)
    assert invoke("request", "edit", "1", "--body", "A\nB").exit_code == 0
    listed = invoke("request", "list").output
    assert RTL not in listed
    row = next(line for line in listed.splitlines() if line.startswith("1 "))
    assert "A↵B" in row


def test_the_app_shows_the_same_fields_safely(store) -> None:  # type: ignore[no-untyped-def]
    from catalogue.core.requests.pages import request_detail
    from catalogue.core.requests.register import create_request, list_requests
    from catalogue.core.requests.summary import request_plain_text
    from catalogue.core.rules.scope import Scope
    from catalogue.tui.widgets.request_card import LABEL_WIDTH, request_text
    from catalogue.tui.widgets.tables import REQUEST_COLUMNS

    request = create_request(store, f"KPS{RTL}x\ny", Scope("KE"), by="tester", notes=NOTES,
                             funder=FUNDER, partners="p1\np2")
    detail = request_detail(store, request.id)
    card = request_text(detail).plain
    assert RTL not in card
    lines = card.splitlines()
    assert f"Request {request.id}  KPS\\u202ex↵y" in lines
    assert f"{'Funder':<{LABEL_WIDTH}}line1↵line2\\x0dCR" in lines
    assert f"{'Partners':<{LABEL_WIDTH}}p1↵p2" in lines
    notes = lines.index(f"{'Notes':<{LABEL_WIDTH}}a \\u202eRTL")
    assert lines[notes + 1] == " " * LABEL_WIDTH + "second line"
    copied = request_plain_text(detail)
    assert RTL not in copied and "KPS\\u202ex↵y" in copied.splitlines()[0]
    row = next(r for r in list_requests(store) if r["id"] == request.id)
    body = next(c for c in REQUEST_COLUMNS if c.key == "requesting_body").cell(row)
    assert body.plain == "KPS\\u202ex↵y"
