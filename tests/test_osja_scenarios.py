"""OSJA prompts and the suggested minimum approval level over a table of scenarios
(country x scope x recorded facts), and the property that adding a risk fact never lowers it."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalogue.core.osja.conditions import Judgement
from catalogue.core.osja.prompts import suggest
from catalogue.core.osja.registers import record_incident, set_conflict
from catalogue.core.rules.advice import set_advice
from catalogue.core.rules.engine import assess
from catalogue.core.rules.facts import gather
from catalogue.core.rules.scope import Scope
from catalogue.core.rules.stored import stored_policy
from catalogue.core.store import Store

TODAY = date.today()
BASE = {"serious-risk", "stage1-situation", "instability", "reputation", "export-controls"}
HOD, MIN = "head-of-department", "minister"


def _advice(code: str, level: str, part: str | None = None) -> Callable[[Store], Any]:
    return lambda s: set_advice(s, code, level, TODAY - timedelta(days=3), by="t", part=part)


def _conflict(code: str) -> Callable[[Store], Any]:
    return lambda s: set_conflict(s, code, TODAY, by="t", part="the north")


def _incident(code: str) -> Callable[[Store], Any]:
    return lambda s: record_incident(s, code, TODAY, "curfew shootings reported", by="t")


@dataclass
class Case:
    name: str
    country: str
    scope: dict[str, Any]
    level: str  # suggested minimum
    rules: set[str]  # the rules behind it ("default" when none fires)
    prompts: set[str] = field(default_factory=set)  # must be among the prompts (besides BASE)
    absent: set[str] = field(default_factory=set)  # must not be
    facts: list[Callable[[Store], Any]] = field(default_factory=list)
    judged: Judgement | None = None
    says: tuple[str, ...] = ()  # text that must appear in the facts or the prompts' why


CASES = [
    Case("Kenya leadership in the UK", "KE", {"disciplines": ["leadership"]}, HOD, {"default"},
         absent={"death-penalty", "hr-priority", "sanctions", "ihl-applies"}),
    Case("Egypt organised crime: death penalty", "EG", {"disciplines": ["organised-crime"]}, MIN,
         {"death-penalty"}, {"death-penalty", "hr-priority", "unfair-trial"},
         says=("Egypt retains the death penalty", "Ministers must be consulted")),
    Case("Russia cyber: sanctions and death penalty in law", "RU",
         {"disciplines": ["digital-and-cyber-crime"]}, MIN, {"death-penalty", "sanctions"},
         {"sanctions", "death-penalty"}, says=("Russia (Sanctions) (EU Exit) Regulations 2019",
                                              "list as of 2025-07-23")),
    Case("Hong Kong public order: China's priority entry, its own death-penalty law", "HK",
         {"disciplines": ["command"], "audience": ["public-order"]}, MIN,
         {"priority-coercive"}, {"hr-priority", "torture-detention"}, {"death-penalty"},
         says=("Hong Kong has no entry of its own: its administering state China's",
               "Hong Kong abolished the death penalty for all crimes")),
    Case("China public order", "CN", {"disciplines": ["command"], "audience": ["public-order"]},
         MIN, {"death-penalty", "priority-coercive"}, {"hr-priority", "torture-detention"}),
    Case("Hong Kong leadership", "HK", {"disciplines": ["leadership"]}, HOD, {"default"},
         {"hr-priority"}, {"death-penalty"}),
    Case("Pakistan counter-terrorism", "PK", {"disciplines": ["counter-terrorism"]}, MIN,
         {"death-penalty", "priority-confidential"}, {"death-penalty", "hr-priority"}),
    Case("Norway investigation, remote", "NO",
         {"disciplines": ["investigation"], "location": "remote", "audience": ["inspector"]},
         HOD, {"default"}, {"unfair-trial"}, {"death-penalty", "hr-priority"}),
    Case("United Kingdom command", "GB", {"disciplines": ["command"]}, HOD, {"default"},
         absent={"death-penalty"}),
    Case("United States investigation: death penalty", "US", {"disciplines": ["investigation"]},
         MIN, {"death-penalty"}, {"death-penalty"}),
    Case("United States leadership", "US", {"disciplines": ["leadership"]}, HOD, {"default"},
         absent={"death-penalty"}),
    Case("Kenya with an armed conflict recorded", "KE", {"disciplines": ["leadership"]}, MIN,
         {"armed-conflict"}, {"ihl-applies"}, facts=[_conflict("KE")],
         says=("where in doubt", "the north")),
    Case("Kenya with a serious incident recorded", "KE", {"disciplines": ["leadership"]}, HOD,
         {"default"}, {"incident"}, facts=[_incident("KE")], says=("curfew shootings",)),
    Case("Kenya in-country, advice against all but essential travel", "KE",
         {"disciplines": ["leadership"], "location": "in-country"}, HOD, {"default"},
         {"staff-safety"}, facts=[_advice("KE", "against-all-but-essential", "the north-east")],
         says=("advise against all but essential travel (the north-east)",)),
    Case("Kenya in the UK, same advice: staff do not travel", "KE",
         {"disciplines": ["leadership"]}, HOD, {"default"}, absent={"staff-safety"},
         facts=[_advice("KE", "against-all-but-essential")]),
    Case("Kenya, serious risk judged", "KE", {"disciplines": ["leadership"]}, MIN,
         {"serious-risk-judged"}, judged=Judgement(serious_risk=True)),
    Case("Kenya, IHL assumed", "KE", {"disciplines": ["leadership"]}, MIN, {"ihl-judged"},
         judged=Judgement(ihl=True)),
    Case("EU in Belgium: the host's facts", "EU",
         {"disciplines": ["investigation"], "location": "in-country", "host": "BE"}, HOD,
         {"default"}, {"unfair-trial"}, {"death-penalty"},
         says=("Belgium abolished the death penalty for all crimes",)),
    Case("EU in the United States: the host retains the death penalty", "EU",
         {"disciplines": ["investigation"], "location": "in-country", "host": "US"}, MIN,
         {"death-penalty"}, {"death-penalty"}, says=("United States (host country)",)),
    Case("EU in-country with no host", "EU",
         {"disciplines": ["investigation"], "location": "in-country"}, HOD, {"default"},
         absent={"death-penalty"}),
    Case("Belarus leadership: sanctions", "BY", {"disciplines": ["leadership"]}, MIN,
         {"sanctions"}, {"sanctions", "hr-priority"}),
    Case("Saudi Arabia custody officers", "SA",
         {"disciplines": ["leadership"], "audience": ["custody-officers"]}, MIN,
         {"death-penalty", "priority-coercive"}, {"death-penalty", "torture-detention",
                                                  "unit-record"}),
    Case("Zimbabwe leadership: sanctions, ordinary crimes only", "ZW",
         {"disciplines": ["leadership"]}, MIN, {"sanctions"}, {"sanctions"}, {"death-penalty"}),
    Case("Ghana investigation: unconfirmed status shown", "GH",
         {"disciplines": ["investigation"]}, MIN, {"death-penalty"}, {"death-penalty"},
         says=("[unconfirmed",)),
    Case("Gibraltar investigation: the administering state's status", "GI",
         {"disciplines": ["investigation"]}, HOD, {"default"}, {"unfair-trial"},
         {"death-penalty"}, says=("United Kingdom, the administering state of Gibraltar",)),
    Case("Japan investigation", "JP", {"disciplines": ["investigation"]}, MIN, {"death-penalty"},
         {"death-penalty"}),
    Case("Colombia organised crime, public-order units", "CO",
         {"disciplines": ["organised-crime"], "audience": ["public-order"]}, MIN,
         {"priority-coercive"}, {"hr-priority", "torture-detention"}, {"death-penalty"}),
    Case("Iran leadership: two sanctions regimes", "IR", {"disciplines": ["leadership"]}, MIN,
         {"sanctions"}, {"sanctions"}, says=("Iran (Sanctions) Regulations 2023",
                                             "Iran (Sanctions) (Nuclear)")),
    Case("Kenya in-country, advice checked: clear", "KE",
         {"disciplines": ["leadership"], "location": "in-country"}, HOD, {"default"},
         absent={"staff-safety"}, facts=[_advice("KE", "none")]),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_scenario(store: Store, case: Case) -> None:
    for fact in case.facts:
        fact(store)
    result = assess(store, Scope(case.country, **case.scope), TODAY, case.judged)
    ids = {p.id for p in result.prompts}
    assert ids >= BASE, ids
    assert case.prompts <= ids, ids
    assert not case.absent & ids, ids
    assert result.suggested.level == case.level, result.suggested.reasons
    assert {r["rule"] for r in result.suggested.reasons} == case.rules
    assert result.suggested.label == "local practice"
    assert all(r["why"] and r["source"] for r in result.suggested.reasons)
    for prompt in result.prompts:
        assert prompt.why and prompt.source and "{" not in prompt.why, prompt
    text = " ".join([*(line["text"] for line in result.risk.to_dict()["lines"]),
                     *(p.why for p in result.prompts), *(p.text for p in result.prompts)])
    for needle in case.says:
        assert needle in text, (needle, text)


def test_there_are_at_least_25_scenarios() -> None:
    assert len(CASES) >= 25


def test_every_dated_fact_shows_its_date_and_source(store: Store) -> None:
    lines = assess(store, Scope("EG", disciplines=["organised-crime"])).risk.to_dict()["lines"]
    by_fact = {line["fact"]: line["text"] for line in lines}
    assert "source: Amnesty International" in by_fact["death_penalty"]
    assert "as of 2024" in by_fact["death_penalty"]
    assert "as of 2025-07-23" in by_fact["sanctions"]
    assert "published 2023-07" in by_fact["hr_priority"]


def test_every_unconfirmed_death_penalty_row_says_so(store: Store) -> None:
    rows = store.query("SELECT code FROM death_penalty WHERE unconfirmed = 1")
    assert len(rows) == 102
    for (code,) in rows[:: 10]:
        if store.one("SELECT 1 FROM countries WHERE code = ?", (code,)) is None:
            continue
        lines = assess(store, Scope(code, disciplines=["investigation"])).risk.to_dict()["lines"]
        assert "[unconfirmed" in lines[0]["text"], code


# ------------------------------------------------------------------- the property


COUNTRIES = ["KE", "EG", "NO", "GB", "PK", "HK", "US", "GI"]
DISCIPLINES = ["leadership", "investigation", "counter-terrorism", "command", "organised-crime"]
UNITS = ["public-order", "custody-officers", "investigators", "senior-leaders"]
RISKS = ["death-penalty", "sanctions", "priority", "conflict", "incident", "advice-all",
         "advice-essential", "serious-risk", "ihl", "coercive-unit", "in-country"]


def _with_risk(facts: Any, judged: Judgement, risk: str) -> tuple[Any, Judgement]:
    """A copy of ``facts`` (and the judgement) with one more risk fact."""
    f = copy.deepcopy(facts)
    r = f.risk
    if risk == "death-penalty":
        r.death_penalty = {**(r.death_penalty or {}), "status": "retentionist",
                           "label": "retains the death penalty", "as_of": "2024",
                           "source": "test", "unconfirmed": False, "via": None}
    elif risk == "sanctions":
        r.sanctions = {**r.sanctions, "regimes": [*r.sanctions.get("regimes", []),
                                                  {"regime": "Test regime", "source": "test",
                                                   "as_of": "2025"}]}
    elif risk == "priority":
        r.hr_priority = {**r.hr_priority, "on_list": True, "entry": "Test", "year": 2022}
    elif risk == "conflict":
        r.conflict = {"part": None, "as_of": "2026-11-01", "note": None, "set_by": "t"}
    elif risk == "incident":
        r.incidents = [*r.incidents, {"id": 99, "occurred_on": "2026-11-01", "note": "x",
                                      "recorded_by": "t"}]
    elif risk in ("advice-all", "advice-essential"):
        level = "against-all" if risk == "advice-all" else "against-all-but-essential"
        r.travel_advice = {"level": level, "part": None, "as_of": "2026-11-01", "origin": "t"}
        f.advice = r.travel_advice
    elif risk == "serious-risk":
        judged = Judgement(serious_risk=True, ihl=judged.ihl)
    elif risk == "ihl":
        judged = Judgement(serious_risk=judged.serious_risk, ihl=True)
    elif risk == "coercive-unit":
        f.coercive_units = [*f.coercive_units, {"id": "public-order", "label": "Public order",
                                                "coercive": True}]
    elif risk == "in-country":
        f.scope.location = "in-country"
    return f, judged


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(country=st.sampled_from(COUNTRIES),
       disciplines=st.lists(st.sampled_from(DISCIPLINES), unique=True, max_size=3),
       audience=st.lists(st.sampled_from(UNITS), unique=True, max_size=2),
       location=st.sampled_from(["uk", "in-country", "remote"]),
       before=st.lists(st.sampled_from(RISKS), unique=True, max_size=4),
       added=st.sampled_from(RISKS))
def test_the_suggested_level_never_drops_when_a_risk_fact_is_added(
        store: Store, country: str, disciplines: list[str], audience: list[str], location: str,
        before: list[str], added: str) -> None:
    policy = stored_policy(store)
    facts = gather(store, Scope(country, disciplines=disciplines, audience=audience,
                                location=location), policy, TODAY)
    judged = Judgement()
    for risk in before:
        facts, judged = _with_risk(facts, judged, risk)
    more, more_judged = _with_risk(facts, judged, added)
    low, high = suggest(facts, judged), suggest(more, more_judged)
    assert high.rank >= low.rank, (added, low.reasons, high.reasons)
    fired = {r["rule"] for r in low.reasons} - {"default"}
    assert fired <= {r["rule"] for r in high.reasons}  # no reason is lost either
