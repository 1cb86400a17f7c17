"""Control characters in stored text are shown (``\\x1b``), never passed on to the terminal.

Every free-text field a user can fill (requests, their history, programmes and their module
notes, trainers) gets ESC and other C0/C1 characters; each screen that shows them is drawn
with the app's last guard (the line filter) switched off, so the widgets themselves must
show them: no control character may reach the drawn screen, and the escapes must be visible.
"""

from __future__ import annotations

import html
import re
from typing import Any

from rich.segment import Segment
from textual.color import Color
from textual.widgets import Markdown, Static

from catalogue.core import disclosure
from catalogue.core.programmes.changes import add_modules, create_programme
from catalogue.core.requests.register import create_request
from catalogue.core.requests.workflow import withdraw
from catalogue.core.rules.scope import Scope
from catalogue.core.store import Store
from catalogue.core.trainers import roster
from catalogue.tui.screens.board import BoardScreen
from catalogue.tui.screens.builder import BuilderScreen
from catalogue.tui.shown import ControlFilter, shown, shown_text
from tui.helpers import SIZE, plain, ready, show_request, wait_for

#: ESC with a colour (the tester's case), BEL, NUL, backspace, carriage return, DEL and the
#: C1 control sequence introducer, and a right-to-left override.
EVIL = "\x1b[41mX\x1b[0m\x07\x00\x08\r\x7f\x9b31m\u202eRTL"
SHOWN = shown(EVIL)
#: Any character a terminal would obey (C0 but line feed, DEL, C1, bidirectional overrides).
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
#: The free-text fields planted below, checked against the register of stored fields so a
#: new one is not forgotten silently.
PLANTED = {"requests": {"requesting_body", "notes", "funder", "partners"},
           "programmes": {"title", "notes", "language_notes"},
           "trainers": {"name", "force", "notes"}}


def _plant(store: Store) -> tuple[int, int]:
    request = create_request(store, f"Body {EVIL}", Scope("KE", disciplines=["leadership"]),
                             by="tester", notes=f"Notes {EVIL}", funder=f"Funder {EVIL}",
                             partners=f"Partners {EVIL}")
    withdraw(store, request.id, reason=f"Reason {EVIL}", by="tester")
    programme_id = create_programme(store, {"title": f"Title {EVIL}", "country": "Ghana",
                                            "notes": f"PNotes {EVIL}",
                                            "language_notes": f"Lang {EVIL}"})
    add_modules(store, programme_id, ["cmd-national-decision-model"])
    roster.add_trainer(store, f"Name {EVIL}", "serving-officer", by="tester",
                       force=f"Force {EVIL}", disciplines=("command",), languages=["French"],
                       notes=f"TNotes {EVIL}")
    return request.id, programme_id


def _screen_text(app: Any) -> str:
    """The characters of the drawn screen, in order (the screenshot without its markup)."""
    svg = str(app.export_screenshot())
    return html.unescape(re.sub(r"<[^>]*>", "", svg.split("</style>")[-1])).replace("\n", "") \
        .replace("\xa0", " ")


def _check(app: Any, *labels: str) -> None:
    """Nothing raw on screen, and each label's text shown with its escapes visible."""
    screen = _screen_text(app)
    assert not RAW.findall(screen), "a control character reached the screen"
    for label in labels:
        assert f"{label} \\x1b[41mX\\x1b[0m" in screen, f"{label}: not shown"


def test_the_planted_fields_are_the_free_text_ones() -> None:
    for table, columns in PLANTED.items():
        free = {c for c, f in disclosure.FIELDS[table].items() if f.kind == disclosure.TEXT}
        assert columns <= free, table


def test_shown_text_keeps_styles_and_shows_every_control() -> None:
    from rich.text import Text

    text = Text("a")
    text.append(EVIL, style="bold")
    text.append("z", style="red")
    kept = text.plain[1:-1]  # (Rich itself drops BEL, backspace and CR)
    assert "\x1b" in kept and "\x9b" in kept
    result = shown_text(text)
    assert result.plain == "a" + shown(kept) + "z"
    assert not RAW.search(result.plain)
    def styled(style: str) -> set[int]:
        return {i for s in result.spans if str(s.style) == style for i in range(s.start, s.end)}

    assert styled("bold") == set(range(1, 1 + len(shown(kept))))
    assert styled("red") == {len(result.plain) - 1}


def test_the_last_guard_drops_control_characters_keeping_the_width() -> None:
    line = [Segment("ok "), Segment(f"a{EVIL}b")]
    out = ControlFilter().apply(line, Color(0, 0, 0))
    assert "".join(s.text for s in out) == "ok a" + RAW.sub("", EVIL) + "b"


async def test_no_screen_passes_control_characters_on(make_app, store: Store) -> None:
    request_id, programme_id = _plant(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.control_filter.enabled = False  # the widgets alone must make the text safe
        await ready(pilot)
        # The board: the list row (the withdrawn request, under "Withdrawn") and the card.
        board = await show_request(pilot, request_id)
        assert isinstance(board, BoardScreen)
        _check(app, "Body", "Notes", "Funder", "Partners")
        card = plain(board.query_one("#request-body", Static))  # the history, further down
        assert "Reason \\x1b[41mX" in card and not RAW.search(card.replace("\n", ""))
        # The builder: its list, then the programme's form, outline and preview.
        await pilot.press("f3")
        await wait_for(pilot, lambda: isinstance(app.screen, BuilderScreen), what="builder")
        _check(app, "Title")
        app.open_builder(programme_id=programme_id)
        await wait_for(pilot, lambda: isinstance(app.screen, BuilderScreen)
                       and app.screen.outline is not None, what="the programme")
        _check(app)
        preview = app.screen.query_one("#preview", Markdown).source
        assert not RAW.search(preview.replace("\n", ""))
        for label in ("Title", "PNotes", "Lang"):
            assert re.search(label + r" \\+x1b", preview), label  # (markdown escapes \\)
        # The roster: the list and the trainer's card.
        await pilot.press("f9")
        await wait_for(pilot, lambda: bool(app.screen.query("#trainer-body"))
                       and "Name" in plain(app.screen.query_one("#trainer-body", Static)),
                       what="the trainer")
        _check(app, "Name", "TNotes")
        trainer = plain(app.screen.query_one("#trainer-body", Static))  # (this row may wrap)
        assert "Force \\x1b[41mX" in trainer and not RAW.search(trainer.replace("\n", ""))


def test_notifications_show_control_characters(make_app, monkeypatch) -> None:
    """Every notification (the app's, a screen's or a dialog's: Textual sends them all
    through App.notify) carries its text with the escapes shown."""
    from textual.app import App

    sent: list[tuple[str, str]] = []
    monkeypatch.setattr(App, "notify", lambda self, message, *, title="", **_: sent.append(
        (message, title)))
    make_app().notify(f"About {EVIL}", title=f"Title {EVIL}", markup=False)
    assert sent == [(f"About {SHOWN}", f"Title {SHOWN}")]
