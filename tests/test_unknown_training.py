"""An unknown discipline or module typed into ``check`` or ``request new``/``edit`` is a usage
error (exit 2, one line on stderr) that names the nearest disciplines and modules, not the
"no skills to deliver" decline signal (which the core keeps for programmatic callers)."""

from __future__ import annotations

import json

import pytest

from catalogue.core.errors import AmbiguousError, InvalidInputError
from catalogue.core.requests.register import list_requests
from catalogue.core.rules.engine import assess
from catalogue.core.rules.known_training import check_known_training, nearest_training
from catalogue.core.rules.scope import build_scope
from catalogue.core.store import Store


def test_known_names_pass(store: Store) -> None:
    check_known_training(store, ["Leadership", "counter-terrorism", " "],
                         ["INV-PEACE-INTERVIEWING"])


@pytest.mark.parametrize(("typed", "nearest"), [
    ("leadershp", "leadership"), ("cyber", "digital-and-cyber-crime"),
    ("money laundering", "anti-money-laundering"),
    ("PEACE interviewing", "inv-peace-interviewing"),  # a module typed as a discipline
])
def test_nearest_names_come_first(store: Store, typed: str, nearest: str) -> None:
    assert nearest_training(store, typed)[0].id == nearest


def test_nothing_near_lists_the_disciplines(store: Store) -> None:
    assert nearest_training(store, "cooking") == []
    with pytest.raises(InvalidInputError) as info:
        check_known_training(store, ["cooking"])
    assert "known disciplines: command, investigation" in str(info.value)


def test_an_ambiguous_prefix_is_still_ambiguous(store: Store) -> None:
    with pytest.raises(AmbiguousError):
        check_known_training(store, ["c"])


def test_the_core_keeps_the_decline_signal_for_programmatic_callers(store: Store) -> None:
    scope = build_scope(store, "Kenya", disciplines=["forensic accounting"])
    assert [f.id for f in assess(store, scope).decline_signals] == ["decline-no-skills"]


@pytest.mark.parametrize("args", [
    ("check", "--country", "Kenya", "--discipline", "leadershp"),
    ("check", "--country", "Kenya", "--discipline", "leadershp", "--json"),
    ("request", "new", "--body", "Kenya Police", "--country", "Kenya",
     "--discipline", "leadershp"),
])
def test_cli_unknown_discipline_is_a_usage_error_with_suggestions(invoke, store: Store,  # type: ignore[no-untyped-def]
                                                                 args: tuple[str, ...]) -> None:
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr == ("catalogue: no discipline 'leadershp' in the catalogue; did you "
                             "mean: discipline leadership (Leadership); module "
                             "dsw-leadership-for-senior-women (Leadership for senior women); "
                             "module ldr-operational-leadership (Operational leadership)?\n")
    assert "decline" not in result.stderr
    assert list_requests(store) == []


def test_cli_unknown_module_suggests_module_ids(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("check", "--country", "Kenya", "--module", "inv-peace")
    assert result.exit_code == 2
    assert result.stderr.startswith("catalogue: no module 'inv-peace' in the catalogue; did "
                                    "you mean: module inv-peace-interviewing (PEACE")
    assert result.stderr.count("\n") == 1


def test_cli_edit_refuses_an_unknown_discipline_and_changes_nothing(invoke) -> None:  # type: ignore[no-untyped-def]
    created = invoke("request", "new", "--body", "Kenya Police", "--country", "Kenya",
                     "--discipline", "leadership", "--json")
    request_id = str(json.loads(created.output)["id"])
    result = invoke("request", "edit", request_id, "--discipline", "forensic accounting")
    assert result.exit_code == 2
    assert "no discipline 'forensic accounting' in the catalogue" in result.stderr
    shown = json.loads(invoke("request", "show", request_id, "--json").output)
    assert shown["request"]["disciplines"] == ["leadership"]


def test_user_text_in_the_message_is_shown_literally(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("check", "--country", "Kenya", "--discipline", "\x1b[31mred")
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr and "\\x1b[31mred" in result.stderr
