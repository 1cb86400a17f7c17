"""Country lookup: codes, aliases, folding, fuzzy matches, ambiguity and suggestions."""

from __future__ import annotations

import pytest

from catalogue.core.errors import AmbiguousError, NotFoundError
from catalogue.core.lookup import lookup_country, resolve_country
from catalogue.core.store import Store


@pytest.mark.parametrize(("query", "code"), [
    ("KE", "KE"), ("ken", "KE"), ("404", "KE"), ("0404", "KE"), ("kenya", "KE"),
    ("Republic of Kenya", "KE"), ("UK", "GB"), ("Britain", "GB"), ("USA", "US"), ("US", "US"),
    ("UAE", "AE"), ("KSA", "SA"), ("Saudi", "SA"), ("Ivory Coast", "CI"),
    ("Côte d'Ivoire", "CI"), ("Cote d’Ivoire", "CI"), ("COTE D`IVOIRE", "CI"),
    ("Cape Verde", "CV"), ("Burma", "MM"), ("Swaziland", "SZ"), ("Macedonia", "MK"),
    ("Türkiye", "TR"), ("Turkey", "TR"), ("Russia", "RU"), ("Iran", "IR"), ("Syria", "SY"),
    ("Laos", "LA"), ("Vietnam", "VN"), ("South Korea", "KR"), ("North Korea", "KP"),
    ("Palestine", "PS"), ("OPT", "PS"), ("OPTs", "PS"), ("Falklands", "FK"),
    ("Malvinas", "FK"), ("St Kitts", "KN"), ("DRC", "CD"), ("Congo-Brazzaville", "CG"),
    ("Czech Republic", "CZ"), ("Holland", "NL"), ("EU", "EU"), ("european union", "EU"),
    ("the gambia", "GM"), ("  kenya  ", "KE"),
])
def test_exact_forms(store: Store, query: str, code: str) -> None:
    result = lookup_country(store, query)
    assert result.status == "found", result
    assert result.match is not None
    assert result.match.code == code
    assert not result.match.fuzzy


@pytest.mark.parametrize(("query", "code"), [
    ("Kenia", "KE"), ("Phillipines", "PH"), ("Columbia", "CO"), ("Zimbawe", "ZW"),
    ("Afganistan", "AF"), ("Unitd Kingdom", "GB"), ("Bosnia", "BA"), ("Trinidad", "TT"),
])
def test_fuzzy_and_partial_matches_say_so(store: Store, query: str, code: str) -> None:
    result = lookup_country(store, query)
    assert result.status == "found"
    assert result.match is not None
    assert result.match.code == code
    assert result.match.fuzzy


@pytest.mark.parametrize(("query", "codes"), [
    ("Congo", {"CD", "CG"}), ("Korea", {"KP", "KR"}), ("Virgin Islands", {"VG", "VI"}),
])
def test_ambiguous_lists_candidates(store: Store, query: str, codes: set[str]) -> None:
    result = lookup_country(store, query)
    assert result.status == "ambiguous"
    assert {m.code for m in result.candidates} >= codes
    with pytest.raises(AmbiguousError) as info:
        resolve_country(store, query)
    assert all(code in str(info.value) for code in codes)


@pytest.mark.parametrize(("query", "codes"), [("Irak", {"IQ", "IR"}), ("Narnia", {"AM", "TZ"})])
def test_a_misspelling_close_to_several_names_is_not_found_with_suggestions(
        store: Store, query: str, codes: set[str]) -> None:
    """The lookup offers both; resolving says "not found, did you mean" (exit 1), keeping
    "could mean" (exit 2) for names several countries really have."""
    assert {m.code for m in lookup_country(store, query).candidates} >= codes
    with pytest.raises(NotFoundError) as info:
        resolve_country(store, query)
    assert "did you mean" in str(info.value)
    assert all(f"({code})" in str(info.value) for code in codes)


@pytest.mark.parametrize("query", ["xyzzy", "", "   ", "'", '"', "*", "NEAR", "[bold]",
                                   "a" * 10_000, "\x1b[31m", "; DROP TABLE countries; --"])
def test_unknown_input_is_not_found_and_never_crashes(store: Store, query: str) -> None:
    result = lookup_country(store, query)
    assert result.status in {"not_found", "ambiguous"}
    with pytest.raises((NotFoundError, AmbiguousError)) as info:
        resolve_country(store, query)
    assert "\n" not in str(info.value)
    assert len(str(info.value)) < 400
    assert store.scalar("SELECT count(*) FROM countries") == 251  # 249 ISO + EU + XK


def test_not_found_suggests_nearest_names(store: Store) -> None:
    with pytest.raises(NotFoundError) as info:
        resolve_country(store, "Atlantis")
    assert "did you mean: Albania (AL)" in str(info.value)
    with pytest.raises(NotFoundError) as info:
        resolve_country(store, "Nowhereland")
    assert "Netherlands (NL)" in str(info.value)
