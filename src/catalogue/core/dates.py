"""ISO dates from user text, and UTC timestamps for records."""

from __future__ import annotations

from datetime import UTC, date, datetime

from catalogue.core.errors import InvalidInputError


def parse_date(text: str, label: str = "date") -> date:
    """``YYYY-MM-DD`` to a date; a clear InvalidInputError for anything else (``2026-02-30``)."""
    value = (text or "").strip()
    if len(value) != 10 or value[4] != "-" or value[7] != "-":
        raise InvalidInputError(f"{label} {text!r} is not a date in the form YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise InvalidInputError(f"{label} {text!r} is not a real date ({exc})") from None


def optional_date(value: date | str | None, label: str) -> date | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, date) else parse_date(value, label)


def utc_now() -> datetime:
    return datetime.now(UTC)


def stamp(moment: datetime | None = None) -> str:
    """A UTC timestamp as stored in the database: ``2026-11-26T13:52:52Z``."""
    moment = (moment or utc_now()).astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
