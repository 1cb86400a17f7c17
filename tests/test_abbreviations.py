"""IPAB, JIPH, OSJA and s.26 are spelled out on first use in every ``--help`` and on the cards
the CLI prints (country, check, request show, programme show)."""

from __future__ import annotations

from collections.abc import Iterator

import click
import pytest

from catalogue.cli.main import cli
from catalogue.core.abbreviations import spell_out, unexplained


@pytest.mark.parametrize(("text", "expected"), [
    ("IPAB form to JIPH; the IPAB again",
     "International Police Assistance Board (IPAB) form to Joint International Policing Hub "
     "(JIPH); the IPAB again"),
    ("Needs Police Act 1996 s.26 approval; s.26 again",
     "Needs section 26 of the Police Act 1996 (s.26) approval; s.26 again"),
    ("s.26 reference", "Section 26 of the Police Act 1996 (s.26) reference"),
    ("  [ ] OSJA assessment", "  [ ] Overseas Security and Justice Assistance (OSJA) assessment"),
    ("Police Act 1996, section 26 and later s.26", "Police Act 1996, section 26 and later s.26"),
    ("the Joint International Policing Hub (JIPH) and JIPH",
     "the Joint International Policing Hub (JIPH) and JIPH"),
    ("the OSJA (Overseas Security and Justice Assistance) prompts; OSJA again",
     "the OSJA (Overseas Security and Justice Assistance) prompts; OSJA again"),
    ("--osja-grade, ipab-submitted, IPAB-2027-041, s26", "--osja-grade, ipab-submitted, "
                                                         "IPAB-2027-041, s26"),
])
def test_spell_out(text: str, expected: str) -> None:
    assert spell_out(text) == expected
    assert unexplained(spell_out(text)) == []


def test_unexplained_finds_a_bare_first_use() -> None:
    assert unexplained("OSJA grade, then Overseas Security and Justice Assistance") == ["OSJA"]
    assert unexplained("IPAB-2027-041 only") == []


def _paths(command: click.Command, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    yield path
    if isinstance(command, click.Group):
        ctx = click.Context(command)
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            assert sub is not None
            yield from _paths(sub, (*path, name))


PATHS = list(_paths(cli))


def test_every_command_is_walked() -> None:
    assert ("request", "advance") in PATHS and ("check",) in PATHS and () in PATHS


@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p) or "catalogue")
def test_every_help_spells_them_out(invoke, path: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    result = invoke(*path, "--help")
    assert result.exit_code == 0, result.output
    # Example command lines are literal (what to type), so they do not count as a use.
    prose = "\n".join(line for line in result.output.splitlines()
                       if not line.lstrip().startswith("catalogue "))
    assert unexplained(prose) == [], result.output


@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p) or "catalogue")
def test_no_help_names_one_twice(invoke, path: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    """A text that already glosses an abbreviation is not spelled out a second time."""
    out = " ".join(invoke(*path, "--help").output.split()).lower()
    for full in ("International Police Assistance Board", "Joint International Policing Hub",
                 "Overseas Security and Justice Assistance", "section 26 of the Police Act 1996"):
        assert f") ({full.lower()})" not in out, out


def test_help_spells_out_each_only_once(invoke) -> None:  # type: ignore[no-untyped-def]
    out = invoke("request", "advance", "--help").output
    assert out.count("International Police Assistance Board (IPAB)") == 1
    assert "Joint International Policing Hub (JIPH)" in out
    assert "Section 26 of the Police Act 1996 (s.26)" in out
    assert "--to ipab-submitted --ref IPAB-2027-041" in out  # examples untouched
    decline = invoke("request", "decline", "--help").output
    assert '--reason "IPAB not approved"' in decline


def test_cards_spell_them_out(invoke) -> None:  # type: ignore[no-untyped-def]
    card = invoke("country", "Kenya").output
    assert "International Police Assistance Board (IPAB) form to Joint International " \
           "Policing Hub (JIPH)" in card
    checked = invoke("check", "--country", "Kenya", "--discipline", "leadership",
                     "--delivered-by", "serving-officers").output
    invoke("request", "new", "--body", "Kenya Police", "--country", "Kenya",
           "--discipline", "leadership", "--delivered-by", "serving-officers")
    shown = invoke("request", "show", "1").output
    invoke("programme", "new", "Kenya course", "--country", "Kenya")
    programme = invoke("programme", "show", "1").output
    for text in (card, checked, shown, programme):
        assert unexplained(text) == [], text
    assert "Section 26 of the Police Act 1996 (s.26)" in shown
