"""ISO dates from user text, and UTC timestamps for records."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime

from catalogue.core.errors import InvalidInputError

#: How precise a date in text may be: a year, a month of a year, or a day.
DATE_FORMS = {"year": "YYYY", "month": "YYYY-MM", "day": "YYYY-MM-DD"}
#: Compiled on first use (re keeps it), not at import: the quick lookup imports this module.
_ISO = r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?"


def check_date_text(text: str, label: str = "date", forms: Iterable[str] = ("day",)) -> str:
    """The one strict check of a date written as text, for user input and data files alike.

    ``forms`` names the precisions allowed (``year``, ``month``, ``day``). Anything else, and any
    date that does not exist (``2026-02-30``, ``2023-13``, ``0000``), is an InvalidInputError
    saying which; the text is returned stripped.
    """
    allowed = [form for form in DATE_FORMS if form in set(forms)]
    value = (text or "").strip()
    match = re.fullmatch(_ISO, value)
    form = None if match is None else "day" if match[3] else "month" if match[2] else "year"
    if match is None or form not in allowed:
        shapes = " or ".join(DATE_FORMS[f] for f in allowed)
        raise InvalidInputError(f"{label} {text!r} is not a date in the form {shapes}")
    try:
        date(int(match[1]), int(match[2] or 1), int(match[3] or 1))
    except ValueError as exc:
        raise InvalidInputError(f"{label} {text!r} is not a real date ({exc})") from None
    return value


def parse_date(text: str, label: str = "date") -> date:
    """``YYYY-MM-DD`` to a date; a clear InvalidInputError for anything else (``2026-02-30``)."""
    return date.fromisoformat(check_date_text(text, label))


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
