"""What each workflow step needs. A guard returns the problems (empty: the step may go ahead)
and the records the step leaves on the request; it never writes.

Every problem is a sentence saying exactly what is missing, e.g. "the OSJA assessment (version
2) decided Minister; recorded authoriser is Head of department (A. Jones)".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from catalogue.core.errors import Problem
from catalogue.core.osja.status import CURRENT, change_lines
from catalogue.core.requests.model import Request
from catalogue.core.rules.baseline import mission_for, split_mission
from catalogue.core.rules.engine import Assessment
from catalogue.core.rules.signals import advice_too_old


@dataclass
class StepInput:
    """What the user supplies with a step (only some steps use each field)."""

    note: str | None = None
    reference: str | None = None  # IPAB or JIPH reference
    authoriser: str | None = None  # name of the person authorising
    authoriser_level: str | None = None  # approver id, e.g. "minister"
    s26_reference: str | None = None  # s.26 approval and Home Office consent reference
    signal: str | None = None  # decline: which decline reason applies


@dataclass
class Context:
    request: Request
    assessment: Assessment
    policy: dict[str, Any]
    country: dict[str, Any]
    today: date
    #: Separation of duties: the person making the change (signed-in user or OS login), the
    #: person who logged the request, the person who recorded its latest OSJA assessment,
    #: and whether the register is shared by a team.
    actor: str | None = None
    logged_by: str | None = None
    osja_recorded_by: str | None = None
    shared: bool = False
    osja: dict[str, Any] | None = None  # the latest OSJA assessment version, if any
    osja_status: dict[str, Any] | None = None  # see catalogue.core.osja.status


Outcome = tuple[list[str], dict[str, Any]]


def _text(value: str | None) -> str | None:
    return (value or "").strip() or None


def decline_problems(ctx: Context) -> list[str]:
    return [f"decline signal: {f.title} ({f.why})" for f in ctx.assessment.decline_signals]


def approver_by_id(policy: dict[str, Any], ident: str) -> dict[str, Any]:
    for approver in policy["approvers"]:
        if approver["id"] == ident:
            return dict(approver)
    raise KeyError(ident)


def osja_problems(ctx: Context) -> list[str]:
    """No assessment recorded, or re-assessment needed (with what changed)."""
    status = ctx.osja_status or {}
    rid = ctx.request.id
    if ctx.osja is None:
        legacy = (f" (a legacy local-practice grade {ctx.request.osja_grade} is in the history, "
                  "but no assessment record)" if ctx.request.osja_grade else "")
        return [f"no OSJA assessment is recorded{legacy}: record one with "
                f"catalogue osja record {rid}"]
    if status.get("state") != CURRENT:
        return [f"re-assessment needed (OSJA assessment version {ctx.osja['version']}): "
                + "; ".join(change_lines(status))
                + f"; record a new version with catalogue osja record {rid}"]
    return []


def advice_problems(ctx: Context) -> list[str]:
    """In-country work needs travel advice recorded within the policy's number of days."""
    a = ctx.assessment
    facts = a.facts
    if facts is None or not facts.in_country:
        return []
    if facts.needs_host:
        return [Problem("in-country work for a body that is not a country needs its host "
                        "country", fields=("host_country",))]
    limit = ctx.policy.get("osja", {}).get("travel_advice_max_days")
    if facts.advice is None:
        return [Problem(f"in-country work needs the FCDO travel advice for {a.risk.name} "
                        f"recorded within the last {limit} days", fields=("travel_advice",),
                        values={"country": a.risk.code})]
    if advice_too_old(facts):
        return [f"the FCDO travel advice for {a.risk.name} is as of {facts.advice['as_of']}, "
                f"more than {limit} days ago (local practice): record the current advice"]
    return []


def authorisation_problems(ctx: Context, name: str | None, level: str | None,
                           s26: str | None) -> list[str]:
    """Is this authoriser (and s.26 record) enough for the level the assessment decided?"""
    r, version = ctx.request, ctx.osja
    problems: list[str] = []
    if version is None:
        return []  # osja_problems says so
    needed = approver_by_id(ctx.policy, version["decided_level"])
    where = f"the OSJA assessment (version {version['version']}) decided {needed['title']}"
    if not name or not level:
        problems.append(f"{where}; no authoriser is recorded")
    else:
        try:
            given = approver_by_id(ctx.policy, level)
        except KeyError:
            ids = ", ".join(a["id"] for a in ctx.policy["approvers"])
            return [f"unknown authoriser level {level!r}; levels: {ids}"]
        if given["rank"] < needed["rank"]:
            problems.append(f"{where}; recorded authoriser is {given['title']} ({name})")
    if "serving-officers" in r.delivered_by and not s26:
        problems.append("serving officers deliver: Police Act 1996 s.26 approval and Home "
                        "Office consent must be recorded (its s.26 reference)")
    return problems


def _scoped(ctx: Context, step: StepInput) -> Outcome:
    return [], {}


def _ipab(ctx: Context, step: StepInput) -> Outcome:
    r = ctx.request
    problems = decline_problems(ctx)
    if not r.disciplines and not r.modules:
        problems.insert(0, "the IPAB form needs the training requested: no discipline or "
                           "module is recorded")
    return problems, {"ipab_reference": _text(step.reference)}


def _jiph(ctx: Context, step: StepInput) -> Outcome:
    return decline_problems(ctx), {"jiph_reference": _text(step.reference)}


def _osja(ctx: Context, step: StepInput) -> Outcome:
    problems = _second_person(ctx) + decline_problems(ctx) + osja_problems(ctx)
    start = ctx.request.start
    if start and start <= ctx.today:
        problems.append(f"the OSJA assessment must be in place before the course starts, and "
                        f"the start date {start.isoformat()} is not in the future: edit the dates")
    return problems, {"osja_version": ctx.osja["version"] if ctx.osja else None}


def _embassy(ctx: Context, step: StepInput) -> Outcome:
    name, _note = split_mission(mission_for(ctx.policy, ctx.country))
    return decline_problems(ctx), {"mission": name}


def duty_applies(ctx: Context, rule: str) -> bool:
    """Whether the policy's ``[duties]`` rule applies to this register."""
    when = ctx.policy.get("duties", {}).get(rule, "never")
    return when == "always" or (when == "shared" and ctx.shared)


def _separation(ctx: Context) -> list[str]:
    if not duty_applies(ctx, "authorise") or not ctx.actor or ctx.actor != ctx.logged_by:
        return []
    return [f"{ctx.actor} logged request {ctx.request.id}, so someone else must record its "
            "authorisation (separation of duties: [duties] authorise in "
            "data/approval-policy.toml, the organisation's own practice)"]


def _second_person(ctx: Context) -> list[str]:
    """A decided OSJA level is accepted into the workflow by someone other than whoever
    recorded it."""
    if not duty_applies(ctx, "osja") or not ctx.actor or ctx.actor != ctx.osja_recorded_by:
        return []
    level = f", level {ctx.osja['decided_level']}" if ctx.osja else ""
    version = f" (version {ctx.osja['version']}{level})" if ctx.osja else ""
    return [f"{ctx.actor} recorded the OSJA assessment{version} of request {ctx.request.id}, "
            "so a second person must record the OSJA step (separation of duties: [duties] "
            "osja in data/approval-policy.toml, the organisation's own practice)"]


def _authorise(ctx: Context, step: StepInput) -> Outcome:
    name, level = _text(step.authoriser), _text(step.authoriser_level)
    s26 = _text(step.s26_reference)
    problems = (_separation(ctx) + decline_problems(ctx) + osja_problems(ctx)
                + advice_problems(ctx))
    problems += authorisation_problems(ctx, name, level, s26)
    return problems, {"authoriser": name, "authoriser_level": level, "s26_reference": s26}


def _schedule(ctx: Context, step: StepInput) -> Outcome:
    r = ctx.request
    problems = authorisation_problems(ctx, r.authoriser, r.authoriser_level, r.s26_reference)
    problems += decline_problems(ctx) + osja_problems(ctx) + advice_problems(ctx)
    if not r.start or not r.end:
        problems.append("start and end dates are needed (edit the request to give them)")
    elif r.start <= ctx.today:
        problems.append(f"the start date {r.start.isoformat()} is not in the future")
    return problems, {}


def _deliver(ctx: Context, step: StepInput) -> Outcome:
    problems = decline_problems(ctx) + osja_problems(ctx)
    start = ctx.request.start
    if start and start > ctx.today:
        problems.append(f"the course has not started: it starts on {start.isoformat()}, and "
                        "can be marked delivered from that day")
    return problems, {}


def _decline(ctx: Context, step: StepInput) -> Outcome:
    problems = [] if _text(step.note) else ["a reason is needed"]
    signal = _text(step.signal)
    if signal:
        signals = [k for k, v in ctx.policy["flags"].items() if v.get("decline")]
        if signal not in signals and f"decline-{signal}" in signals:
            signal = f"decline-{signal}"
        if signal not in signals:
            short = ", ".join(s.removeprefix("decline-") for s in signals)
            problems.append(f"unknown decline reason {step.signal!r}; reasons: {short}")
    return problems, {"decline_signal": signal}


def _withdraw(ctx: Context, step: StepInput) -> Outcome:
    return ([] if _text(step.note) else ["a reason is needed"]), {}


GUARDS = {
    "scoping": _scoped,
    "ipab-submitted": _ipab,
    "jiph-approved": _jiph,
    "osja-assessed": _osja,
    "embassy-consulted": _embassy,
    "authorised": _authorise,
    "scheduled": _schedule,
    "delivered": _deliver,
    "declined": _decline,
    "withdrawn": _withdraw,
}


def check(ctx: Context, target: str, step: StepInput) -> Outcome:
    return GUARDS[target](ctx, step)
