"""The curated data set: the 78 listed names, regions, kinds, priority lists and areas."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from catalogue.core.data.location import data_dir
from catalogue.core.lookup import lookup_country
from catalogue.core.store import Store

SOURCE_LIST = [
    ("Afghanistan", "AF"), ("Albania", "AL"), ("Algeria", "DZ"), ("Australia", "AU"),
    ("Bahrain", "BH"), ("Barbados", "BB"), ("Belize", "BZ"), ("Bermuda", "BM"),
    ("Bolivia", "BO"), ("Bosnia and Herzegovina", "BA"), ("Botswana", "BW"),
    ("Brunei Darussalam", "BN"), ("Canada", "CA"), ("China", "CN"), ("Colombia", "CO"),
    ("Cyprus", "CY"), ("Dominican Republic", "DO"), ("Ecuador", "EC"), ("Egypt", "EG"),
    ("European Union", "EU"), ("Falkland Islands", "FK"), ("Fiji", "FJ"), ("Germany", "DE"),
    ("Ghana", "GH"), ("Gibraltar", "GI"), ("Hong Kong", "HK"), ("Honduras", "HN"),
    ("India", "IN"), ("Indonesia", "ID"), ("Ireland", "IE"), ("Jamaica", "JM"),
    ("Jordan", "JO"), ("Kenya", "KE"), ("Kingdom of Saudi Arabia", "SA"), ("Kuwait", "KW"),
    ("Kyrgyzstan", "KG"), ("Lebanon", "LB"), ("Libya", "LY"), ("Malaysia", "MY"),
    ("Montenegro", "ME"), ("Morocco", "MA"), ("Namibia", "NA"), ("Nepal", "NP"),
    ("New Zealand", "NZ"), ("Nigeria", "NG"), ("Norway", "NO"),
    ("Occupied Palestinian Territories", "PS"), ("Oman", "OM"), ("Pakistan", "PK"),
    ("Papua New Guinea", "PG"), ("Peru", "PE"), ("Poland", "PL"), ("Qatar", "QA"),
    ("Republic of Cabo Verde", "CV"), ("Republic of Mali", "ML"), ("Republic of Senegal", "SN"),
    ("Republic of South Africa", "ZA"), ("Republic of The Sudan", "SD"), ("Romania", "RO"),
    ("Rwanda", "RW"), ("Serbia", "RS"), ("Seychelles", "SC"), ("Sierra Leone", "SL"),
    ("Singapore", "SG"), ("Somalia", "SO"), ("Sri Lanka", "LK"), ("St Kitts and Nevis", "KN"),
    ("Sweden", "SE"), ("Switzerland", "CH"), ("Thailand", "TH"),
    ("The Former Yugoslav Republic of Macedonia", "MK"), ("Trinidad and Tobago", "TT"),
    ("Tunisia", "TN"), ("Uganda", "UG"), ("Ukraine", "UA"), ("United Arab Emirates", "AE"),
    ("United Republic of Tanzania", "TZ"), ("United States of America", "US"),
]


def test_source_list_has_78_entries() -> None:
    assert len(SOURCE_LIST) == 78
    assert len({code for _, code in SOURCE_LIST}) == 78


@pytest.mark.parametrize(("listed_as", "code"), SOURCE_LIST)
def test_every_listed_name_resolves_exactly_and_is_assisted(
    store: Store, listed_as: str, code: str
) -> None:
    result = lookup_country(store, listed_as)
    assert result.status == "found"
    assert result.match is not None
    assert result.match.code == code
    assert not result.match.fuzzy
    row = store.one("SELECT listed_as, assisted FROM countries WHERE code = ?", (code,))
    assert row["listed_as"] == listed_as
    assert row["assisted"] == 1


def test_exactly_78_assisted(store: Store) -> None:
    assert store.scalar("SELECT count(*) FROM countries WHERE assisted = 1") == 78


def test_every_iso_country_is_present(store: Store) -> None:
    import pycountry

    codes = {r[0] for r in store.query("SELECT code FROM countries")}
    assert {c.alpha_2 for c in pycountry.countries} <= codes
    assert store.scalar("SELECT count(*) FROM countries WHERE assisted = 0") == 249 + 2 - 78  # ISO, EU, XK


def test_every_iso_code_has_a_region_except_antarctica(store: Store) -> None:
    missing = {r[0] for r in store.query(
        "SELECT code FROM countries WHERE region IS NULL AND iso_name IS NOT NULL")}
    assert missing == {"AQ"}


def test_namibia_code_is_the_string_na(store: Store) -> None:
    row = store.one("SELECT name, region FROM countries WHERE code = 'NA'")
    assert row["name"] == "Namibia"
    assert row["region"] == "Africa"


@pytest.mark.parametrize(("code", "kind"), [
    ("BM", "overseas-territory"), ("FK", "overseas-territory"), ("GI", "overseas-territory"),
    ("HK", "special-administrative-region"), ("EU", "supranational-union"),
    ("KE", "sovereign-state"),
])
def test_kinds(store: Store, code: str, kind: str) -> None:
    assert store.scalar("SELECT kind FROM countries WHERE code = ?", (code,)) == kind


def test_european_union_is_its_own_entity(store: Store) -> None:
    row = dict(store.one("SELECT * FROM countries WHERE code = 'EU'"))
    assert row["iso_name"] is None
    assert row["alpha3"] is None
    assert row["region"] is None
    assert row["liaison_area"] == "europe"


def test_priority_list_2022_has_32_entries_and_keeps_its_year(store: Store) -> None:
    current = store.one("SELECT * FROM hr_priority_lists WHERE current = 1")
    assert current["year"] == 2022
    assert current["entry_count"] == 32
    priority = {r[0] for r in store.query("SELECT code FROM countries WHERE hr_priority = 1")}
    assert {"AF", "SA", "PS", "IL", "ET", "HT"} <= priority
    assert "BH" not in priority  # on the 2020 list only
    assert "KE" not in priority
    old = store.one("SELECT entry_count FROM hr_priority_lists WHERE year = 2020")
    assert old["entry_count"] == 31


def test_every_country_with_a_region_is_in_exactly_one_liaison_area(store: Store) -> None:
    unassigned = store.scalar(
        "SELECT count(*) FROM countries WHERE liaison_area IS NULL AND region IS NOT NULL")
    assert unassigned == 0


def test_catalogue_has_ten_disciplines_each_with_four_to_eight_modules(store: Store) -> None:
    rows = store.query("SELECT discipline_id, count(*) FROM modules GROUP BY discipline_id")
    assert len(rows) == 10
    assert all(4 <= r[1] <= 8 for r in rows)


def test_sensitivity_classes(store: Store) -> None:
    classes = dict(store.query("SELECT id, sensitivity FROM disciplines"))
    assert classes["counter-terrorism"] == "confidential"
    for restricted in ("organised-crime", "digital-and-cyber-crime",
                       "police-search-and-security"):
        assert classes[restricted] == "restricted"
    assert classes["leadership"] == "public"


def test_seven_principles_and_both_ethics_editions(store: Store) -> None:
    assert store.scalar("SELECT count(*) FROM principles") == 7
    counts = dict(store.query(
        "SELECT edition, count(*) FROM ethics WHERE kind = 'principle' GROUP BY edition"))
    assert counts == {2014: 9, 2024: 3}
    assert store.scalar("SELECT count(*) FROM ethics WHERE kind = 'standard'") == 10


def test_un_m49_copy_matches_every_row() -> None:
    path = Path(data_dir()) / "un-m49.csv"
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 249
    assert any(r["alpha2"] == "NA" for r in rows)
