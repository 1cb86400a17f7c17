"""A request's OSJA assessment as a document's content: every recorded version with its
prompts and answers, judgement, mitigations, who was consulted, the decision, and a version
history. Plain typed data; the Markdown and Word renderers are in core/exports/osja_*.py.

Nothing is worked out afresh: each version is shown as it was recorded (the prompt wording,
the suggested minimum and the facts as they stood then). Only the status line (current, or
re-assessment needed and why) is today's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from catalogue.core.errors import RefusedError
from catalogue.core.store import Store

ANSWER_WORDS = {"yes": "Yes", "no": "No", "unclear": "Unclear",
                "not-applicable": "Not applicable"}
SERIOUS_RISK_WORDS = {
    "yes": "Yes: there is a serious risk that the assistance might directly or significantly "
           "contribute to a violation of human rights or international humanitarian law",
    "no": "No serious risk was found"}
IHL_WORDS = {"applies": "International humanitarian law applies",
             "assumed": "International humanitarian law is assumed to apply (where in doubt "
                        "whether there is an armed conflict, assume there is)",
             "does-not-apply": "International humanitarian law does not apply"}
HISTORY_HEADINGS = ["Version", "Assessed", "Author", "Serious risk", "IHL", "Level decided",
                    "Suggested minimum", "Review by"]


@dataclass(frozen=True)
class Answer:
    number: int
    question_id: str
    prompt: str
    answer: str
    note: str


@dataclass(frozen=True)
class VersionSection:
    version: int
    details: list[tuple[str, str]]  # (label, value): who, when, edition, Stage 1
    answers: list[Answer]
    judgement: list[tuple[str, str]]
    mitigations: str
    consulted: list[tuple[str, str]]  # (who, on)
    decision: list[tuple[str, str]]
    suggested_reasons: list[str]  # each "why (source)"
    facts: list[tuple[str, str]]


@dataclass(frozen=True)
class OsjaDocument:
    request_id: int
    title: str
    request: list[tuple[str, str]]
    status: str
    history: list[list[str]]  # rows under HISTORY_HEADINGS, oldest first
    versions: list[VersionSection]  # newest first
    #: The local sensitivity levels of the request's disciplines and modules (for the marking).
    levels: list[str] = field(default_factory=list)


_FACT_LABELS = {"facts_country": "Country", "death_penalty": "Death penalty",
                "sanctions": "UK sanctions", "hr_priority": "Human rights priority country",
                "travel_advice": "Travel advice", "conflict": "Armed conflict",
                "incidents": "Incidents recorded", "scope": "Scope assessed"}


def _level_title(approvers: dict[str, str], level: str | None) -> str:
    if not level:
        return "-"
    return approvers.get(level, level)


def _section(v: dict[str, Any], approvers: dict[str, str]) -> VersionSection:
    details = [("Assessed on", v["assessed_on"]), ("Author", v["author"]),
               ("Recorded", v["recorded_at"].replace("T", " ").rstrip("Z") + " UTC"),
               ("Guidance edition", v["edition_title"]),
               ("In-country (Stage 1) assessment", f"{v['stage1_reference']} of "
                                                   f"{v['stage1_date']}")]
    answers = [Answer(n, a["question_id"], a["question"], ANSWER_WORDS.get(a["answer"],
                                                                           a["answer"]),
                      a.get("note") or "")
               for n, a in enumerate(v["answers"], start=1)]
    judgement = [("Serious risk", SERIOUS_RISK_WORDS.get(v["serious_risk"], v["serious_risk"])),
                 ("International humanitarian law (IHL)", IHL_WORDS.get(v["ihl"], v["ihl"]))]
    decision = [("Approval level decided", _level_title(approvers, v["decided_level"])),
                ("Why", v["decided_reason"]),
                ("Suggested minimum then (local practice)",
                 _level_title(approvers, v["suggested_level"]))]
    if v.get("below_reason"):
        decision.append(("Below the suggested minimum because", v["below_reason"]))
    decision.append(("Review by", v["review_on"]))
    reasons = [f"{r.get('why', '')} ({r['source']})" if r.get("source") else str(r.get("why"))
               for r in v.get("suggested_reasons") or []]
    facts = [(_FACT_LABELS.get(key, key.replace("_", " ").capitalize()), str(fact.get("shown")))
             for key, fact in (v.get("facts") or {}).items() if isinstance(fact, dict)]
    return VersionSection(version=v["version"], details=details, answers=answers,
                          judgement=judgement, mitigations=v.get("mitigations") or "",
                          consulted=[(c["who"], c["on"]) for c in v.get("consulted") or []],
                          decision=decision, suggested_reasons=reasons, facts=facts)


def _history_row(v: dict[str, Any], approvers: dict[str, str]) -> list[str]:
    return [str(v["version"]), v["assessed_on"], v["author"],
            ANSWER_WORDS.get(v["serious_risk"], v["serious_risk"]),
            {"applies": "Applies", "assumed": "Assumed", "does-not-apply": "Does not apply"}
            .get(v["ihl"], v["ihl"]),
            _level_title(approvers, v["decided_level"]),
            _level_title(approvers, v["suggested_level"]), v["review_on"]]


def _titles(store: Store, table: str, ids: list[str]) -> str:
    """Titles for ids (an id the library no longer has is shown as it is)."""
    names = []
    for ident in ids:
        title = store.scalar(f"SELECT title FROM {table} WHERE id = ?", (ident,))
        names.append(str(title) if title else ident)
    return ", ".join(names) or "-"


def _levels(store: Store, disciplines: list[str], modules: list[str]) -> list[str]:
    found = []
    for table, ids in (("disciplines", disciplines), ("modules", modules)):
        for ident in ids:
            level = store.scalar(f"SELECT sensitivity FROM {table} WHERE id = ?", (ident,))
            found.append(str(level) if level else "")  # unknown: marked as the most sensitive
    return found


def osja_document(store: Store, request_id: int, today: date | None = None) -> OsjaDocument:
    """The document's content; RefusedError when no version is recorded yet."""
    from catalogue.core.osja.record import versions
    from catalogue.core.osja.view import osja_overview
    from catalogue.core.requests.register import get_request

    recorded = versions(store, request_id)  # NotFoundError for an unknown request
    if not recorded:
        raise RefusedError(f"request {request_id} has no OSJA assessment recorded yet: there "
                           "is nothing to put in the document")
    overview = osja_overview(store, request_id, today)
    request = get_request(store, request_id)
    approvers = {a["id"]: a["title"] for a in overview["approvers"]}
    country = request.country_name or request.country
    status = overview["status"]
    status_text = f"{status['label']} (version {recorded[-1]['version']}, as of "
    status_text += f"{(today or date.today()).isoformat()})"
    if status.get("changes"):
        status_text += "; changed since: " + "; ".join(
            f"{c['label']}: {c['old']} -> {c['new']}" for c in status["changes"])
    dates = " to ".join(d.isoformat() for d in (request.start, request.end) if d)
    rows = [("Request", str(request.id)), ("Requesting body", request.requesting_body),
            ("Country", country + (f" (work in {request.host_country})"
                                   if request.host_country else "")),
            ("State", request.state_label),
            ("Disciplines", _titles(store, "disciplines", request.disciplines)),
            ("Modules", _titles(store, "modules", request.modules)),
            ("Location", request.location),
            ("Audience", ", ".join(request.audience) or "-"), ("Dates", dates or "-")]
    return OsjaDocument(
        request_id=request_id, title=f"OSJA assessment: request {request_id}, {country}",
        request=rows, status=status_text,
        history=[_history_row(v, approvers) for v in recorded],
        versions=[_section(v, approvers) for v in reversed(recorded)],
        levels=_levels(store, request.disciplines, request.modules))
