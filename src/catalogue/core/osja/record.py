"""The OSJA assessment as a record: versioned, never overwritten (database triggers refuse
UPDATE and DELETE). Each version keeps who assessed and when, the guidance edition, the
in-country (Stage 1) assessment relied on, an answer and note for every prompt, the serious-risk
judgement, whether IHL applies, mitigations, who was consulted and when, the approval level
decided and why, a review date, and a snapshot of the dated facts it relied on.

A later change of any of those facts marks the assessment *re-assessment needed* (see
:mod:`catalogue.core.osja.status`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from catalogue.core.dates import stamp, utc_now
from catalogue.core.errors import InvalidInputError, NotFoundError, RefusedError
from catalogue.core.osja.conditions import Judgement
from catalogue.core.store import Store

ANSWERS = ("yes", "no", "unclear", "not-applicable")
SERIOUS_RISK = ("yes", "no")
IHL = ("applies", "assumed", "does-not-apply")
MAX_TEXT = 4000


@dataclass
class AssessmentInput:
    """What a person records for one version of a request's OSJA assessment."""

    author: str
    assessed_on: date
    stage1_reference: str
    stage1_date: date
    serious_risk: str  # "yes" | "no"
    ihl: str  # "applies" | "assumed" | "does-not-apply"
    decided_level: str  # an approver id
    decided_reason: str
    answers: dict[str, str] = field(default_factory=dict)  # question id -> answer
    notes: dict[str, str] = field(default_factory=dict)  # question id -> note
    mitigations: str | None = None
    consulted: list[tuple[str, date]] = field(default_factory=list)  # (who, when)
    below_reason: str | None = None  # needed when the level is below the suggested minimum
    review_on: date | None = None  # default: assessed_on + policy [osja] review_days

    @property
    def judgement(self) -> Judgement:
        return Judgement(serious_risk=self.serious_risk == "yes",
                         ihl=self.ihl in ("applies", "assumed"))


def _text(value: str | None, label: str, required: bool = True,
          field: str | None = None) -> str | None:
    text = (value or "").strip()
    fields = (field,) if field else ()
    if required and not text:
        raise InvalidInputError(f"{label} must not be empty", fields=fields)
    if len(text) > MAX_TEXT:
        raise InvalidInputError(f"{label} is {len(text)} characters; keep it under {MAX_TEXT}",
                                fields=fields)
    return text or None


def _choice(value: str, choices: tuple[str, ...], label: str) -> str:
    text = (value or "").strip().lower()
    if text not in choices:
        raise InvalidInputError(f"{label} {value!r} is not one of: {', '.join(choices)}")
    return text


def scope_snapshot(scope: dict[str, Any]) -> dict[str, Any]:
    """The parts of a request's scope an assessment is about (dates and cohort are not)."""
    keys = ("country", "host", "disciplines", "modules", "location", "audience", "delivered_by")
    value = {k: scope.get(k) for k in keys}
    shown = "; ".join(f"{k}: {', '.join(v) if isinstance(v, list) else v}"
                      for k, v in value.items() if v)
    return {"value": value, "shown": shown}


def _check(data: AssessmentInput, prompts: list[Any], approvers: dict[str, dict[str, Any]],
           suggested: Any, today: date) -> None:
    for label, day in (("assessment date", data.assessed_on), ("Stage 1 date", data.stage1_date)):
        if day > today:
            raise InvalidInputError(f"{label} {day.isoformat()} is in the future")
    ids = [p.id for p in prompts]
    unknown = sorted(set(data.answers) - set(ids)) + sorted(set(data.notes) - set(ids))
    if unknown:
        raise InvalidInputError(f"no prompt {unknown[0]!r} applies to this request; prompts: "
                                f"{', '.join(ids)}")
    missing = [i for i in ids if i not in data.answers]
    if missing:
        raise InvalidInputError(f"answer every prompt: missing {', '.join(missing)}",
                                fields=("answers",))
    for ident, answer in data.answers.items():
        _choice(answer, ANSWERS, f"answer to {ident}")
    if data.decided_level not in approvers:
        raise InvalidInputError(f"unknown approval level {data.decided_level!r}; levels: "
                                f"{', '.join(approvers)}")
    if approvers[data.decided_level]["rank"] < suggested.rank and not (data.below_reason or
                                                                       "").strip():
        raise RefusedError(
            f"the decided level {approvers[data.decided_level]['title']} is below the suggested "
            f"minimum {suggested.title} ({suggested.label}: "
            f"{'; '.join(r['why'] for r in suggested.reasons)}); record why",
            fields=("below_reason",))
    if not data.consulted:
        raise InvalidInputError("say who was consulted and when", fields=("consulted",))
    for who, when in data.consulted:
        _text(who, "who was consulted")
        if when > today:
            raise InvalidInputError(f"consultation date {when.isoformat()} is in the future")
    if data.review_on is not None and data.review_on <= data.assessed_on:
        raise InvalidInputError(f"review date {data.review_on.isoformat()} must be after the "
                                f"assessment date {data.assessed_on.isoformat()}")


def record_assessment(store: Store, request_id: int, data: AssessmentInput, *, by: str,
                      today: date | None = None, now: datetime | None = None) -> dict[str, Any]:
    """Record a new version of a request's OSJA assessment (earlier versions stay as they were)."""
    from catalogue.core.osja.prompts import approvers as approver_table
    from catalogue.core.requests import audit
    from catalogue.core.requests.register import get_request
    from catalogue.core.rules.engine import assess

    who = _text(by, "who records it", field="by")
    author = _text(data.author, "the author", field="author")
    day = today or utc_now().date()
    at = stamp(now)
    data.serious_risk = _choice(data.serious_risk, SERIOUS_RISK, "serious risk")
    data.ihl = _choice(data.ihl, IHL, "IHL")
    with store.write() as conn:
        request = get_request(store, request_id)
        if request.terminal:
            raise RefusedError(f"request {request_id} is {request.state}; its OSJA assessment "
                               "can no longer change")
        result = assess(store, request.scope(), day, data.judgement)
        policy = result.facts.policy if result.facts else {}
        approvers = approver_table(policy)
        _check(data, result.prompts, approvers, result.suggested, day)
        review = data.review_on or data.assessed_on + timedelta(
            days=int(policy["osja"]["review_days"]))
        version = int(store.scalar("SELECT coalesce(max(version), 0) + 1 FROM osja_assessments "
                                   "WHERE request_id = ?", (request_id,)))
        facts = {**result.risk.snapshot(), "scope": scope_snapshot(result.scope)}
        row = {
            "request_id": request_id, "version": version, "recorded_at": at, "author": author,
            "assessed_on": data.assessed_on.isoformat(),
            "edition": result.edition.get("id", ""),
            "edition_title": f"{result.edition.get('title', '')} (published "
                             f"{result.edition.get('published', '')})",
            "stage1_reference": _text(data.stage1_reference, "Stage 1 reference"),
            "stage1_date": data.stage1_date.isoformat(), "serious_risk": data.serious_risk,
            "ihl": data.ihl, "mitigations": _text(data.mitigations, "mitigations", False),
            "consulted": json.dumps([{"who": w.strip(), "on": d.isoformat()}
                                     for w, d in data.consulted], ensure_ascii=False),
            "decided_level": data.decided_level,
            "decided_reason": _text(data.decided_reason, "the reason for the level decided"),
            "suggested_level": result.suggested.level,
            "suggested_reasons": json.dumps(result.suggested.reasons, ensure_ascii=False),
            "below_reason": _text(data.below_reason, "the reason for a level below the suggestion", False,
                                  "below_reason"),
            "review_on": review.isoformat(),
            "facts": json.dumps(facts, ensure_ascii=False, default=str),
        }
        cursor = conn.execute(f"INSERT INTO osja_assessments ({', '.join(row)}) VALUES "
                              f"({', '.join('?' * len(row))})", list(row.values()))
        assessment_id = int(cursor.lastrowid or 0)
        texts = {p.id: p.text for p in result.prompts}
        for ident, answer in data.answers.items():
            conn.execute("INSERT INTO osja_answers (assessment_id, question_id, question, answer,"
                         " note) VALUES (?, ?, ?, ?, ?)",
                         (assessment_id, ident, texts[ident], answer.strip().lower(),
                          _text(data.notes.get(ident), f"note for {ident}", False)))
        audit.record(conn, request_id, at=at, by=who or "", action="osja-recorded",
                     from_state=request.state, to_state=request.state,
                     details={"version": version, "author": author,
                              "edition": row["edition"], "serious_risk": data.serious_risk,
                              "ihl": data.ihl, "decided_level": data.decided_level,
                              "suggested_level": result.suggested.level,
                              "suggested_label": result.suggested.label,
                              "review_on": row["review_on"]})
    return get_version(store, request_id, version)


def _version(store: Store, row: Any) -> dict[str, Any]:
    data = dict(row)
    for key in ("consulted", "suggested_reasons", "facts"):
        data[key] = json.loads(data[key] or "null")
    data["answers"] = [dict(a) for a in store.query(
        "SELECT question_id, question, answer, note FROM osja_answers WHERE assessment_id = ? "
        "ORDER BY id", (data["id"],))]
    return data


def versions(store: Store, request_id: int) -> list[dict[str, Any]]:
    """Every version of a request's assessment, oldest first."""
    if store.one("SELECT 1 FROM requests WHERE id = ?", (request_id,)) is None:
        raise NotFoundError(f"no request {request_id}")
    return [_version(store, r) for r in store.query(
        "SELECT * FROM osja_assessments WHERE request_id = ? ORDER BY version", (request_id,))]


def get_version(store: Store, request_id: int, version: int) -> dict[str, Any]:
    row = store.one("SELECT * FROM osja_assessments WHERE request_id = ? AND version = ?",
                    (request_id, version))
    if row is None:
        raise NotFoundError(f"request {request_id} has no OSJA assessment version {version}")
    return _version(store, row)


def latest(store: Store, request_id: int) -> dict[str, Any] | None:
    row = store.one("SELECT * FROM osja_assessments WHERE request_id = ? ORDER BY version DESC "
                    "LIMIT 1", (request_id,))
    return _version(store, row) if row is not None else None


def judgement_of(version: dict[str, Any] | None) -> Judgement | None:
    if version is None:
        return None
    return Judgement(serious_risk=version["serious_risk"] == "yes",
                     ihl=version["ihl"] in ("applies", "assumed"))
