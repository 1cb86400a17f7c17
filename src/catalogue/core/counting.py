"""Counts and durations in words, the same in every face: "1 module", "2 modules",
"14 days and 2 hours". Light: imported by the CLI, the app and the exports."""

from __future__ import annotations

_IRREGULAR = {"day": "days", "person": "people", "country": "countries", "entry": "entries",
              "activity": "activities", "reply": "replies"}


def plural(count: int | float, word: str, many: str | None = None) -> str:
    """``count`` and ``word``, singular for exactly one: ``plural(1, "module") == "1 module"``."""
    shown = f"{count:g}" if isinstance(count, float) else str(count)
    if count == 1:
        return f"{shown} {word}"
    return f"{shown} {many or _IRREGULAR.get(word) or word + 's'}"


def hours_text(hours: float) -> str:
    """Hours as people say them: "6 hours", "1 hour", "2.5 hours"."""
    return plural(round(float(hours), 2), "hour")


def split_days(hours: float, hours_per_day: float) -> tuple[int, float]:
    """(whole training days, hours left over)."""
    total = round(float(hours), 2)
    if hours_per_day <= 0:
        return 0, total
    days = int(total // hours_per_day + 1e-9)
    rest = round(total - days * hours_per_day, 2)
    if rest >= hours_per_day:  # floating point: 12.0 // 6.0 may give 1.0
        days, rest = days + 1, round(rest - hours_per_day, 2)
    return days, rest


def short_days(hours: float, hours_per_day: float) -> str:
    """The same, for a narrow column: "14 d 2 h", "2 d", "3 h"."""
    days, rest = split_days(hours, hours_per_day)
    parts = [f"{days} d"] if days else []
    if rest or not parts:
        parts.append(f"{rest:g} h")
    return " ".join(parts)


def days_and_hours(hours: float, hours_per_day: float) -> str:
    """Training time as whole training days plus the hours left over, never a decimal day:
    86 hours at 6 a day is "14 training days and 2 hours"."""
    days, rest = split_days(hours, hours_per_day)
    parts = [plural(days, "training day")] if days else []
    if rest or not parts:
        parts.append(hours_text(rest))
    return " and ".join(parts)
