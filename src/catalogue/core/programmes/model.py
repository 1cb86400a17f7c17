"""The programme vocabulary and the checks every piece of user input goes through.

Both faces pass raw text (or numbers) to :func:`clean_fields`; it returns stored values
or raises :class:`InvalidInputError` / :class:`NotFoundError` with one clear line.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from catalogue.core.errors import InvalidInputError, NotFoundError
from catalogue.core.names import fold

if TYPE_CHECKING:
    from catalogue.core.store import Store

DELIVERY_MODES = ("uk", "in-country", "remote", "blended")
OSJA_GRADES = ("low", "medium", "high")
SENSITIVITY_ORDER = ("public", "restricted", "confidential")

MAX_HOURS = 1000.0
MAX_COHORT = 1000
MAX_TRAINERS = 50
MAX_HOURS_PER_DAY = 12.0
MAX_TEXT = 4000
MAX_TITLE = 200

#: Fields a user may set, and the column each is stored in.
TEXT_FIELDS = ("language_notes", "notes", "vulnerability_notes", "commercial_terms")
EDITABLE_FIELDS = ("title", "public_title", "country", "request_id", "delivery_mode", "start_date",
                   "audience_level", "cohort_size", *TEXT_FIELDS, "trainers", "osja_grade",
                   "hours_per_day")

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class ModuleEntry:
    """One module in a programme: the library id, an hours override and trainer notes."""

    module_id: str
    hours: float | None = None
    notes: str | None = None


@dataclass
class Programme:
    """A stored programme with its modules in order."""

    id: int
    title: str
    country: str
    delivery_mode: str
    created_at: str
    updated_at: str
    request_id: int | None = None
    public_title: str | None = None
    start_date: str | None = None
    audience_level: str | None = None
    cohort_size: int | None = None
    language_notes: str | None = None
    notes: str | None = None
    vulnerability_notes: str | None = None
    commercial_terms: str | None = None
    trainers: int | None = None
    osja_grade: str | None = None
    hours_per_day: float | None = None
    modules: list[ModuleEntry] = field(default_factory=list)

    def fields(self) -> dict[str, Any]:
        """The editable fields, as stored (used to clone)."""
        return {name: getattr(self, name) for name in EDITABLE_FIELDS}


def parse_date(value: str, label: str = "date") -> str:
    """An ISO ``YYYY-MM-DD`` date that exists on the calendar."""
    text = value.strip()
    if not _ISO_DATE.match(text):
        raise InvalidInputError(f"{label} {value!r} is not in the form YYYY-MM-DD (e.g. 2026-05-04)")
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError as exc:
        raise InvalidInputError(f"{label} {value!r} is not a real date ({exc})") from None


def parse_number(value: Any, label: str, low: float, high: float, *,
                 whole: bool = False, low_inclusive: bool = False) -> float:
    """A finite number in range; ``low`` is exclusive unless ``low_inclusive``."""
    if isinstance(value, bool):
        raise InvalidInputError(f"{label} must be a number")
    try:
        number = float(str(value).strip()) if not isinstance(value, (int, float)) else float(value)
    except ValueError:
        raise InvalidInputError(f"{label} {value!r} is not a number") from None
    if not math.isfinite(number):
        raise InvalidInputError(f"{label} {value!r} is not a number")
    if whole and number != int(number):
        raise InvalidInputError(f"{label} must be a whole number, not {value!r}")
    too_low = number < low if low_inclusive else number <= low
    if too_low or number > high:
        bound = f"at least {low:g}" if low_inclusive else f"more than {low:g}"
        raise InvalidInputError(f"{label} {value!r} is out of range: it must be {bound} "
                                f"and at most {high:g}")
    return number


def parse_hours(value: Any, label: str = "hours") -> float:
    return parse_number(value, label, 0, MAX_HOURS)


def parse_mode(value: str) -> str:
    mode = value.strip().lower().replace("_", "-").replace(" ", "-")
    if mode == "incountry":
        mode = "in-country"
    if mode not in DELIVERY_MODES:
        raise InvalidInputError(f"unknown delivery mode {value!r}; choose one of: "
                                f"{', '.join(DELIVERY_MODES)}")
    return mode


def parse_grade(value: str) -> str:
    grade = value.strip().lower()
    if grade not in OSJA_GRADES:
        raise InvalidInputError(f"unknown OSJA grade {value!r}; choose one of: "
                                f"{', '.join(OSJA_GRADES)}")
    return grade


def resolve_level(store: Store, value: str) -> str:
    """A level id from its id or name, any case (``chief-inspector``, ``Chief inspector``)."""
    wanted = fold(value)
    rows = store.query("SELECT id, name FROM levels ORDER BY rank")
    for row in rows:
        if wanted in (fold(row["id"]), fold(row["name"])):
            return str(row["id"])
    raise NotFoundError(f"unknown audience level {value!r}; choose one of: "
                        f"{', '.join(r['id'] for r in rows)}")


def parse_text(value: str, label: str, limit: int = MAX_TEXT) -> str | None:
    text = value.strip()
    if len(text) > limit:
        raise InvalidInputError(f"{label} is {len(text)} characters long; the limit is {limit}")
    return text or None


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip().lower() in {"", "none"})


def clean_fields(store: Store, raw: dict[str, Any]) -> dict[str, Any]:
    """Validate user input for programme fields; returns ``{column: stored value}``.

    A value of ``None``, ``""`` or ``"none"`` clears an optional field. Unknown keys are a
    programming error (``KeyError``), not user input.
    """
    from catalogue.core.lookup import resolve_country

    cleaned: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in EDITABLE_FIELDS:
            raise KeyError(f"not a programme field: {key}")
        if key == "title":
            title = parse_text(str(value or ""), "title", MAX_TITLE)
            if not title:
                raise InvalidInputError("a programme needs a title")
            cleaned[key] = title
        elif key == "country":
            if _is_blank(value):
                raise InvalidInputError("a programme needs a country")
            cleaned[key] = resolve_country(store, str(value)).code
        elif key == "delivery_mode":
            cleaned[key] = parse_mode(str(value or ""))
        elif _is_blank(value):
            cleaned[key] = None
        elif key == "public_title":
            cleaned[key] = parse_text(str(value), "public title", MAX_TITLE)
        elif key == "start_date":
            cleaned[key] = parse_date(str(value), "start date")
        elif key == "audience_level":
            cleaned[key] = resolve_level(store, str(value))
        elif key == "cohort_size":
            cleaned[key] = int(parse_number(value, "cohort size", 1, MAX_COHORT, whole=True,
                                            low_inclusive=True))
        elif key == "trainers":
            trainers = int(parse_number(value, "trainers", 0, MAX_TRAINERS, whole=True,
                                        low_inclusive=True))
            cleaned[key] = trainers or None
        elif key == "request_id":
            cleaned[key] = check_request(store, int(parse_number(
                value, "request id", 1, 2**62, whole=True, low_inclusive=True)))
        elif key == "osja_grade":
            cleaned[key] = parse_grade(str(value))
        elif key == "hours_per_day":
            cleaned[key] = parse_number(value, "hours per day", 0, MAX_HOURS_PER_DAY)
        else:
            cleaned[key] = parse_text(str(value), key.replace("_", " "))
    return cleaned


def check_request(store: Store, request_id: int) -> int:
    """The request id, checked against the requests table when that table exists."""
    exists = store.scalar("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'requests'")
    if exists and not store.scalar("SELECT 1 FROM requests WHERE id = ?", (request_id,)):
        raise NotFoundError(f"no request {request_id}")
    return request_id


def highest_sensitivity(classes: list[str]) -> str:
    """The most restrictive of the given sensitivity classes (``public`` when none)."""
    ranks = [SENSITIVITY_ORDER.index(c) for c in classes if c in SENSITIVITY_ORDER]
    return SENSITIVITY_ORDER[max(ranks, default=0)]
