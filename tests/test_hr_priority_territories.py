"""A territory without an entry of its own on the human-rights priority list takes its
administering state's (Hong Kong and Macau under China): the card, the listings, the priority
filter and the map say the same."""

from __future__ import annotations

import json

import pytest


@pytest.mark.parametrize("code", ["HK", "MO"])
def test_every_face_agrees_on_a_territory_under_a_listed_state(invoke, code: str) -> None:  # type: ignore[no-untyped-def]
    card = json.loads(invoke("country", code, "--json").stdout)
    assert card["human_rights_priority"]["priority"] is True
    assert card["human_rights_priority"]["via"] == "China"
    listed = json.loads(invoke("countries", "--all", "--priority", "--json").stdout)
    assert code in {row["code"] for row in listed}
    shaded = json.loads(invoke("map", "--shade", "priority", "--json").stdout)
    entry = next(c for c in shaded["countries"] if c["code"] == code)
    assert entry["category"].startswith("Priority country")
    assert entry["value"].endswith("under the entry of its administering state")


def test_the_card_and_the_listing_agree_for_every_country(invoke) -> None:  # type: ignore[no-untyped-def]
    rows = json.loads(invoke("countries", "--all", "--json").stdout)
    for row in rows:
        card = json.loads(invoke("country", row["code"], "--json").stdout)
        assert bool(row["hr_priority"]) == card["human_rights_priority"]["priority"], row["code"]


def test_a_state_with_its_own_entry_is_not_marked_as_under_another(invoke) -> None:  # type: ignore[no-untyped-def]
    shaded = json.loads(invoke("map", "--shade", "priority", "--json").stdout)
    china = next(c for c in shaded["countries"] if c["code"] == "CN")
    assert "administering" not in china["value"]
