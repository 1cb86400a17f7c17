"""The trainer vocabulary, typed records and the checks user input goes through."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from catalogue.core.dates import parse_date
from catalogue.core.errors import InvalidInputError, NotFoundError
from catalogue.core.names import fold
from catalogue.core.store import Store
from catalogue.core.trainers.schema import KINDS

KIND_LABELS = {"staff": "staff", "associate": "associate",
               "serving-officer": "serving officer"}
MAX_NAME = 120
MAX_TEXT = 2000


@dataclass(frozen=True)
class Subject:
    """A discipline or module a trainer may deliver, and its accreditation (if any)."""

    kind: str  # "discipline" | "module"
    subject: str
    title: str
    accredited_on: str | None = None
    expires_on: str | None = None
    reference: str | None = None

    def valid_on(self, day: str) -> bool:
        """Accredited on ``day`` (ISO): accredited by then and not expired."""
        if self.accredited_on is None or self.accredited_on > day:
            return False
        return self.expires_on is None or self.expires_on >= day


@dataclass(frozen=True)
class Unavailable:
    id: int
    start: str
    end: str
    reason: str | None


@dataclass(frozen=True)
class Trainer:
    id: int
    name: str
    kind: str
    force: str | None
    languages: tuple[str, ...]
    notes: str | None
    created_at: str
    updated_at: str
    subjects: tuple[Subject, ...] = field(default_factory=tuple)
    unavailable: tuple[Unavailable, ...] = field(default_factory=tuple)

    @property
    def kind_label(self) -> str:
        label = KIND_LABELS[self.kind]
        return f"{label} ({self.force})" if self.force else label


def parse_kind(value: str) -> str:
    wanted = fold(value).replace(" ", "-").rstrip("s")
    for kind in KINDS:
        if wanted in (kind, kind.replace("-", "")):
            return kind
    raise InvalidInputError(f"unknown trainer kind {value!r}; choose one of: {', '.join(KINDS)}")


def parse_name(value: str) -> str:
    name = " ".join((value or "").split())
    if not name:
        raise InvalidInputError("a trainer needs a name")
    if len(name) > MAX_NAME:
        raise InvalidInputError(f"name is {len(name)} characters long; the limit is {MAX_NAME}")
    return name


def parse_text(value: str | None, label: str) -> str | None:
    text = (value or "").strip()
    if len(text) > MAX_TEXT:
        raise InvalidInputError(f"{label} is {len(text)} characters long; the limit is {MAX_TEXT}")
    return text or None


def parse_languages(values: list[str] | tuple[str, ...]) -> list[str]:
    """Language names as typed (``French``, ``Swahili``), trimmed and without repeats."""
    seen: dict[str, str] = {}
    for value in values:
        for part in value.split(","):
            text = " ".join(part.split())
            if len(text) > 60:
                raise InvalidInputError(f"language {text[:20]!r}... is too long (60 at most)")
            if text and fold(text) not in seen:
                seen[fold(text)] = text
    return list(seen.values())


def iso(value: str | date, label: str) -> str:
    return value.isoformat() if isinstance(value, date) else parse_date(value, label).isoformat()


def check_span(start: str, end: str, what: str) -> None:
    if end < start:
        raise InvalidInputError(f"{what} ends ({end}) before it starts ({start})")


def resolve_subject(store: Store, kind: str, value: str) -> tuple[str, str]:
    """``(id, title)`` of a discipline or module, by id, title or a unique id prefix."""
    table = "disciplines" if kind == "discipline" else "modules"
    wanted = value.strip().lower()
    rows = store.query(f"SELECT id, title FROM {table} ORDER BY id")
    for row in rows:
        if wanted == row["id"] or fold(value) == fold(row["title"]):
            return row["id"], row["title"]
    prefixed = [r for r in rows if r["id"].startswith(wanted)] if wanted else []
    if len(prefixed) == 1:
        return prefixed[0]["id"], prefixed[0]["title"]
    if len(prefixed) > 1:
        raise InvalidInputError(f"{kind} {value!r} is ambiguous: "
                                f"{', '.join(r['id'] for r in prefixed[:6])}")
    raise NotFoundError(f"no {kind} {value!r} (list them with 'catalogue disciplines')")
