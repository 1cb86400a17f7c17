"""CLI: country cards, listings, JSON/CSV shapes, exit codes and one-line errors."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from catalogue.cli.main import cli


def test_country_card_shows_names_codes_regions_and_approvals(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("country", "Kenya")
    assert result.exit_code == 0, result.output
    out = result.stdout
    for expected in ("Kenya", "Republic of Kenya", "KE / KEN / 404", "Eastern Africa",
                     "Sub-Saharan Africa", "Assisted        yes", "FCDO 2022 list",
                     "(IPAB) form to Joint International Policing Hub (JIPH)",
                     "Overseas Security and Justice Assistance (OSJA) human-rights assessment",
                     "British High Commission",
                     "Counter-terrorism  [confidential → OFFICIAL-SENSITIVE]"):
        assert expected in out


def test_country_json_shape(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("country", "Kingdom of Saudi Arabia", "--json")
    assert result.exit_code == 0
    card = json.loads(result.stdout)
    assert set(card) >= {"code", "names", "codes", "flag", "kind", "region", "liaison_area",
                         "assisted", "human_rights_priority", "disciplines", "approvals"}
    assert card["code"] == "SA"
    assert card["human_rights_priority"] == {
        "priority": True, "list_year": 2022, "published": "2023-07",
        "list_title": "FCDO Human Rights and Democracy Report 2022"}
    assert {f["id"] for f in card["approvals"]} == {"ipab-jiph", "osja-assessment",
                                                    "consult-mission"}
    assert all(f["why"] and f["source"] for f in card["approvals"])


def test_fuzzy_match_is_reported(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("country", "Kenia")
    assert result.exit_code == 0
    assert "(no exact match for 'Kenia'; showing Kenya, 80% similar)" in result.stdout
    assert "'Kenya'" not in result.stdout  # the note quotes what was typed
    card = json.loads(invoke("country", "Kenia", "--json").stdout)
    assert card["match"]["fuzzy"] is True and card["match"]["query"] == "Kenia"


def test_a_misspelling_near_several_countries_is_not_found_as_the_readme_says(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("country", "Narnia")
    assert result.exit_code == 1, result.output
    assert result.stderr.strip() == ("catalogue: no country or region matches 'Narnia'; "
                                     "did you mean: Armenia (AM), Tanzania (TZ)?")
    assert invoke("country", "Congo").exit_code == 2  # a name two countries really have


def test_the_card_without_a_request_does_not_speak_of_one(invoke) -> None:  # type: ignore[no-untyped-def]
    out = invoke("country", "Kenya").stdout
    assert "this request" not in out
    assert "work for Kenya is no exception" in out


def test_the_cli_card_lists_programmes_and_open_requests_like_the_app(invoke, db_path) -> None:  # type: ignore[no-untyped-def]
    from catalogue.core.country_activity import country_activity
    from catalogue.core.store import open_store

    assert invoke("programme", "new", "Kenya command course", "--country", "Kenya").exit_code == 0
    assert invoke("request", "new", "--body", "Kenya Police Service", "--country", "Kenya",
                  "--discipline", "leadership", "--start", "2027-03-01",
                  "--end", "2027-03-12").exit_code == 0
    out = invoke("country", "Kenya").stdout
    assert "Programmes (1):\n    - #1 Kenya command course  (in-country)" in out
    assert "Open requests (1):\n    - #1 Kenya Police Service  (Received, 0 days old)" in out
    card = json.loads(invoke("country", "Kenya", "--json").stdout)
    with open_store(db_path) as store:  # the app's card reads the same function
        assert card["activity"] == country_activity(store, "KE")
    assert card["activity"]["programmes_total"] == card["activity"]["requests_total"] == 1


def test_european_union_and_territories_explain_their_mission(invoke) -> None:  # type: ignore[no-untyped-def]
    eu = invoke("country", "EU").stdout
    assert "UK Mission to the European Union" in eu
    assert "not an ISO 3166-1 country" in eu
    gib = invoke("country", "Gibraltar").stdout
    assert "British overseas territory" in gib
    assert "Governor" in gib


@pytest.mark.parametrize(("args", "code", "needle"), [
    (("country", "xyzzy"), 1, "no country or region matches 'xyzzy'"),
    (("country", "Congo"), 2, "could mean"),
    (("country", "--nope", "x"), 2, "No such option"),
    (("nonsense",), 2, "No such command"),
    (("countries", "--region", "Mars"), 2, "unknown region 'Mars'"),
    (("discipline", "basket weaving"), 1, "no discipline"),
    (("module", "nope"), 1, "no module"),
    (("countries", "--json", "--csv"), 2, "choose one of --json and --csv"),
])
def test_errors_are_one_line_on_stderr_with_documented_codes(invoke, args, code, needle) -> None:  # type: ignore[no-untyped-def]
    result = invoke(*args)
    assert result.exit_code == code
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("catalogue: ")
    assert needle in lines[0]
    assert "Traceback" not in result.output


def test_countries_filters_and_json(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("countries", "--region", "africa", "--json")
    rows = json.loads(result.stdout)
    assert {r["region"] for r in rows} == {"Africa"}
    assert all(r["assisted"] is True for r in rows)
    assert {"KE", "NA", "ZA", "SD"} <= {r["code"] for r in rows}
    everything = json.loads(invoke("countries", "--all", "--region", "Africa", "--json").stdout)
    assert len(everything) > len(rows)


def test_countries_search_and_area_and_csv(invoke) -> None:  # type: ignore[no-untyped-def]
    rows = json.loads(invoke("countries", "--all", "--search", "kor", "--json").stdout)
    assert {r["code"] for r in rows} == {"KP", "KR"}
    out = invoke("countries", "--area", "asia-pacific", "--csv").stdout
    parsed = list(csv.DictReader(io.StringIO(out)))
    assert parsed and all(r["liaison_area_name"] == "Asia-Pacific" for r in parsed)


def test_countries_search_with_fts_syntax_is_literal(invoke) -> None:  # type: ignore[no-untyped-def]
    for text in ('"', "*", "NEAR(", "a AND", "[bold]"):
        result = invoke("countries", "--all", "--search", text, "--json")
        assert result.exit_code == 0, (text, result.output)
        assert isinstance(json.loads(result.stdout), list)


def test_regions_areas_disciplines_listings(invoke) -> None:  # type: ignore[no-untyped-def]
    regions = json.loads(invoke("regions", "--assisted", "--json").stdout)
    assert sum(r["countries"] for r in regions) == 78
    areas = json.loads(invoke("areas", "--json").stdout)
    assert {a["id"] for a in areas} >= {"europe", "africa"}
    disciplines = json.loads(invoke("disciplines", "--json").stdout)
    assert len(disciplines) == 10
    one = json.loads(invoke("discipline", "leader", "--json").stdout)
    assert one["id"] == "leadership" and 4 <= len(one["modules"]) <= 8
    table = invoke("disciplines").stdout
    assert table.splitlines()[0].startswith("Id")


def test_db_commands(invoke, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert invoke("db", "path").stdout.strip() == str(db_path)
    assert invoke("db", "check").stdout.startswith("ok")
    assert "Reseeded" in invoke("db", "reseed").stdout
    assert "78" not in invoke("db", "init").stderr


def test_corrupt_database_gives_exit_4_and_is_untouched(tmp_path: Path) -> None:
    target = tmp_path / "bad.db"
    target.write_bytes(b"\x00garbage" * 500)
    before = target.read_bytes()
    result = CliRunner().invoke(cli, ["--db", str(target), "country", "Kenya"])
    assert result.exit_code == 4
    assert "left untouched" in result.stderr
    assert target.read_bytes() == before


def test_locked_database_waits_then_fails_clearly(db_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CATALOGUE_BUSY_TIMEOUT", "0.2")
    holder = sqlite3.connect(db_path)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = CliRunner().invoke(cli, ["--db", str(db_path), "db", "reseed"])
    finally:
        holder.rollback()
        holder.close()
    assert result.exit_code == 4
    assert "busy" in result.stderr


def test_version_and_no_arguments(invoke) -> None:  # type: ignore[no-untyped-def]
    from catalogue import __version__

    assert __version__ in invoke("--version").stdout


def test_shell_completion_offers_country_names(db_path: Path) -> None:
    import click

    from catalogue.cli.country import complete_country

    ctx = click.Context(cli, info_name="catalogue")
    ctx.params["db_path"] = str(db_path)
    names = complete_country(ctx, cli.params[0], "ken")
    assert "Kenya" in names
    assert complete_country(ctx, cli.params[0], "zzzz") == []


def test_bash_completion_script_is_generated() -> None:
    result = CliRunner().invoke(cli, [], env={"_CATALOGUE_COMPLETE": "bash_source"},
                                prog_name="catalogue")
    assert "_CATALOGUE_COMPLETE" in result.output


def test_sort_by_listed_as_uses_the_name_each_country_is_shown_under(invoke) -> None:  # type: ignore[no-untyped-def]
    rows = json.loads(invoke("countries", "--sort", "listed_as", "--json").stdout)
    shown = [r["listed_as"] or r["name"] for r in rows]
    assert shown == sorted(shown, key=str.casefold)
    assert shown.index("Republic of Cabo Verde") > shown.index("Qatar")


def test_country_table_shows_the_priority_list_year(invoke) -> None:  # type: ignore[no-untyped-def]
    assert "HR priority (FCDO 2022)" in invoke("countries").stdout.splitlines()[0]
    out = invoke("countries", "--csv").stdout
    assert out.splitlines()[0].endswith(",hr_priority_year")
    assert out.splitlines()[1].endswith(",2022")


@pytest.mark.parametrize(("name", "expected"), [
    ("cyber", "Digital and cyber crime (restricted)"),
    ("dig cyb", "Digital and cyber crime (restricted)"),
    ("money", "Anti-money laundering"),
    ("Leadership", "Leadership (public)"),
])
def test_discipline_by_any_word_or_its_start(invoke, name: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    result = invoke("discipline", name)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(expected)


def test_discipline_ambiguity_misspelling_and_unknown(invoke) -> None:  # type: ignore[no-untyped-def]
    crime = invoke("discipline", "crime")
    assert crime.exit_code == 2
    assert "Digital and cyber crime (digital-and-cyber-crime); Organised crime" in crime.stderr
    typo = invoke("discipline", "leadrship")
    assert typo.exit_code == 0
    assert typo.stdout.startswith("(no exact match for 'leadrship'; showing Leadership, ")
    unknown = invoke("discipline", "xyzzy")
    assert unknown.exit_code == 1 and "known disciplines: command" in unknown.stderr
