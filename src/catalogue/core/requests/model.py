"""A request from an overseas force, as stored, and the scope the rules engine assesses."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from catalogue.core.requests.states import FORWARD, LABELS, TERMINAL
from catalogue.core.rules.scope import Scope

LIST_FIELDS = ("disciplines", "modules", "audience", "delivered_by", "ethics_concerns")
#: Fields of the scope a user may edit; changing one may reset approvals (policy [reset]).
SCOPE_FIELDS = ("country", "disciplines", "modules", "location", "audience", "cohort",
                "start", "end", "delivered_by", "host_country")
EDITABLE = (*SCOPE_FIELDS, "requesting_body", "notes", "ethics_concerns", "funder", "partners")
#: Free-text fields of the IPAB submission: who pays, who works with us (at most this long).
SUBMISSION_TEXTS = ("funder", "partners")

#: The record each step leaves on the request; going back before a step clears it.
STEP_COLUMNS: dict[str, tuple[str, ...]] = {
    "ipab-submitted": ("ipab_reference",),
    "jiph-approved": ("jiph_reference",),
    "osja-assessed": ("osja_version", "osja_grade", "osja_computed_grade"),
    "embassy-consulted": ("mission",),
    "authorised": ("authoriser", "authoriser_level", "s26_reference"),
}

JIPH_REFUSED = "decline-jiph-refused"


@dataclass
class Request:
    id: int
    requesting_body: str
    country: str
    state: str
    created_at: str
    created_by: str
    updated_at: str
    state_changed_at: str
    disciplines: list[str] = field(default_factory=list)
    modules: list[str] = field(default_factory=list)
    location: str = "uk"
    audience: list[str] = field(default_factory=list)
    cohort: int | None = None
    start: date | None = None
    end: date | None = None
    delivered_by: list[str] = field(default_factory=list)
    notes: str | None = None
    ethics_concerns: list[str] = field(default_factory=list)
    ipab_reference: str | None = None
    jiph_reference: str | None = None
    osja_grade: str | None = None  # legacy local-practice grade (before assessment records)
    osja_computed_grade: str | None = None  # legacy points-score grade
    osja_version: int | None = None  # the assessment version the osja-assessed step relied on
    host_country: str | None = None  # where in-country work for the European Union takes place
    mission: str | None = None
    authoriser: str | None = None
    authoriser_level: str | None = None
    s26_reference: str | None = None
    decline_signal: str | None = None
    programme_id: int | None = None
    funder: str | None = None  # who pays (the receiving body, a UK department's fund ...)
    partners: str | None = None  # organisations delivering or supporting with us
    country_name: str | None = None

    @classmethod
    def from_row(cls, row: Any) -> Request:
        data = dict(row)
        for key in LIST_FIELDS:
            data[key] = json.loads(data.get(key) or "[]")
        for key in ("start", "end"):
            data[key] = date.fromisoformat(data[key]) if data.get(key) else None
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in known})

    @property
    def terminal(self) -> bool:
        return self.state in TERMINAL

    @property
    def state_label(self) -> str:
        return LABELS[self.state]

    def scope(self) -> Scope:
        return Scope(country=self.country, disciplines=list(self.disciplines),
                     modules=list(self.modules), location=self.location,
                     audience=list(self.audience), cohort=self.cohort, start=self.start,
                     end=self.end, delivered_by=list(self.delivered_by),
                     ethics_concerns=list(self.ethics_concerns),
                     jiph_refused=self.decline_signal == JIPH_REFUSED,
                     host=self.host_country)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["start"] = self.start.isoformat() if self.start else None
        data["end"] = self.end.isoformat() if self.end else None
        data["state_label"] = self.state_label
        return data


def to_columns(values: dict[str, Any]) -> dict[str, Any]:
    """Python values to database columns (lists as JSON, dates as ISO text)."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key in LIST_FIELDS:
            out[key] = json.dumps(list(value or []), ensure_ascii=False)
        elif isinstance(value, date):
            out[key] = value.isoformat()
        else:
            out[key] = value
    return out


def columns_after(state: str) -> list[str]:
    """The step records to clear when a request goes back to ``state``."""
    later = FORWARD[FORWARD.index(state) + 1:]
    return [column for step in later for column in STEP_COLUMNS.get(step, ())]
