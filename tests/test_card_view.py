"""The country card is worded once in the core (core/card_view.py); the CLI prints the core's
plain text and the app only styles the same rows and sections."""

from __future__ import annotations

import re
from typing import Any

from catalogue.core.abbreviations import ABBREVIATIONS
from catalogue.core.card_view import card_plain_text, card_view_of, country_card_view
from catalogue.core.country_card import country_card_with_activity
from catalogue.core.programmes.changes import create_programme
from catalogue.core.store import Store
from catalogue.tui.widgets.cards import EMPHASIS_STYLE, country_text


def test_rows_carry_label_value_and_emphasis(store: Store) -> None:
    view = card_view_of(store, "HK")
    rows = {row.label: row for row in view.rows}
    assert list(rows)[:2] == ["Listed as", "Official name"]
    assert rows["HR priority"].emphasis == "alert"
    # A territory shows its administering state's entry, in both faces now.
    assert "the entry of its administering state China" in rows["HR priority"].value
    assert rows["Area basis"].emphasis == "quiet"
    assert all(row.value for row in view.rows)  # an empty field is left out, not shown blank
    assert [s.id for s in view.sections] == ["programmes", "requests", "disciplines",
                                             "approvals", "deliveries", "risk-facts", "prompts"]


def test_every_emphasis_has_a_style_in_the_app() -> None:
    from typing import get_args

    from catalogue.core.card_view import Emphasis

    assert set(get_args(Emphasis)) == set(EMPHASIS_STYLE)


def _unspelled(text: str) -> str:
    """``text`` with every spelled-out abbreviation ("... Board (IPAB)") back to its short form."""
    for abbreviation in ABBREVIATIONS:
        full = r"\s+".join(map(re.escape, abbreviation.full.split()))
        text = re.sub(full + rf" \({re.escape(abbreviation.short)}\)", abbreviation.short, text,
                      flags=re.I)
    return text


def test_both_faces_show_the_same_rows_and_sections(invoke: Any, store: Store) -> None:
    create_programme(store, {"title": "Kenya [bold]command[/bold] course", "country": "KE"},
                     by="t")
    view = card_view_of(store, "KE")
    cli = _unspelled(invoke("country", "Kenya").stdout)
    app = _unspelled(country_text(view).plain)
    for row in view.rows:
        assert f"{row.label:<16}{row.value}" in cli
        assert f"{row.label:<15}{row.value}" in app
    for section in view.sections:
        heading = _unspelled(section.heading)
        assert f"  {heading}:" in cli
        assert heading in app
        for item in section.items:
            assert f"    - {_unspelled(item.text)}" in cli
            assert f"• {_unspelled(item.text)}" in app
    assert "Kenya [bold]command[/bold] course" in app  # user text is never markup
    assert "- #1 Kenya [bold]command[/bold] course  (in-country)" in cli


def test_plain_text_is_the_cli_card_without_its_commands(store: Store) -> None:
    card = country_card_with_activity(store, "KE")
    view = country_card_view(card)
    text = card_plain_text(view)
    assert text.startswith(f"{view.flag} Kenya\n  Listed as       Kenya\n")
    assert "Overseas Security and Justice Assistance (OSJA)" in text  # spelled out once
    assert "catalogue check" not in text and "--country" not in text
    pointed = card_plain_text(view, pointers={"prompts": "catalogue check"})
    assert "    ... more apply once the training is known (catalogue check)" in pointed


def test_user_text_is_made_printable(store: Store) -> None:
    create_programme(store, {"title": "Escape \x1b[31mred", "country": "KE"}, by="t")
    text = card_plain_text(card_view_of(store, "KE"))
    assert "\x1b" not in text
    assert "Escape \\x1b[31mred" in text


def test_a_cut_list_says_how_many_more(store: Store) -> None:
    from catalogue.core.country_activity import ACTIVITY_LIMIT

    for n in range(ACTIVITY_LIMIT + 2):
        create_programme(store, {"title": f"Course {n}", "country": "KE"}, by="t")
    view = card_view_of(store, "KE")
    section = view.section("programmes")
    assert section is not None and len(section.items) == ACTIVITY_LIMIT
    assert section.more == "and 2 more"
    assert "  … and 2 more" in country_text(view).plain
    pointed = card_plain_text(view, {"programmes": "catalogue programme list --country KE"})
    assert "    ... and 2 more (catalogue programme list --country KE)" in pointed
