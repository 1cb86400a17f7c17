"""Column layouts for the app's paged tables (cells are ``Text``, never markup).

``drop``: on a narrow terminal, the columns that do not fit are left out, highest ``drop``
first; the columns without one (what a row is: its number, name, state, age, priority)
always stay."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.text import Text

from catalogue.core.names import one_line
from catalogue.tui.widgets.paged_table import ColumnSpec


def _text(value: Any, style: str = "") -> Text:
    """A table cell: stored text on one line, shown safely (``one_line``)."""
    return Text("" if value is None else one_line(str(value)), style=style, no_wrap=True,
                overflow="ellipsis")


def _listed_as(row: Mapping[str, Any]) -> Text:
    if row.get("listed_as"):
        return _text(row["listed_as"])
    return _text(row["name"], "dim italic")


def _assisted(row: Mapping[str, Any]) -> Text:
    return _text("✓", "green") if row.get("assisted") else _text("·", "dim")


def _activity(row: Mapping[str, Any]) -> Text:
    """Requests delivered · open (in the explorer's chosen discipline, if any)."""
    if "delivered" not in row:
        return _text("")
    delivered, still_open = row["delivered"], row["open"]
    return _text(f"{delivered} · {still_open}", "" if delivered or still_open else "dim")


def _priority(row: Mapping[str, Any]) -> Text:
    if row.get("hr_priority"):
        return _text(f"● {row.get('hr_priority_year') or ''}".strip(), "bold red")
    return _text("·", "dim")


COUNTRY_COLUMNS = [
    ColumnSpec("listed_as", "Listed as", _listed_as, width=14, flex=3),
    ColumnSpec("code", "ISO", width=3),
    ColumnSpec("region", "Region", width=8, drop=1),
    ColumnSpec("subregion", "Sub-region", width=10, flex=2, drop=3),
    ColumnSpec("liaison_area_name", "Liaison area", width=10, flex=2, drop=2),
    ColumnSpec("assisted", "Assisted", _assisted, width=8, drop=1),
    ColumnSpec("hr_priority", "HR priority", _priority, width=11),
    ColumnSpec("activity", "Del·open", _activity, width=11, sortable=False),
]


def _updated(row: Mapping[str, Any]) -> Text:
    return _text((row.get("updated_at") or "")[:10], "dim")


def _hours(row: Mapping[str, Any]) -> Text:
    return _text(f"{row.get('hours') or 0:g}")


PROGRAMME_COLUMNS = [
    ColumnSpec("id", "No.", width=5, sortable=False),
    ColumnSpec("title", "Title", width=16, flex=4, sortable=False),
    ColumnSpec("country_name", "Country", width=10, flex=2, sortable=False),
    ColumnSpec("delivery_mode", "Delivery", width=10, sortable=False, drop=2),
    ColumnSpec("start_date", "Starts", width=10, sortable=False),
    ColumnSpec("modules", "Modules", width=7, sortable=False, drop=1),
    ColumnSpec("hours", "Hours", _hours, width=6, sortable=False),
    ColumnSpec("updated_at", "Changed", _updated, width=10, sortable=False, drop=3),
]


def _module_hours(module: Mapping[str, Any]) -> Text:
    overridden = module["hours_overridden"]
    return _text(f"{module['hours']:g}" + ("*" if overridden else ""),
                 "bold yellow" if overridden else "")


def _levels(module: Mapping[str, Any]) -> Text:
    low, high = module.get("level_from"), module.get("level_to")
    if not low:
        return _text("")
    return _text(low if low == high else f"{low}–{high}", "dim")


#: The builder's module list (hours marked * when overridden).
MODULE_COLUMNS = [
    ColumnSpec("position", "#", width=3, sortable=False),
    ColumnSpec("title", "Module", width=20, flex=4, sortable=False),
    ColumnSpec("discipline_title", "Discipline", width=10, flex=2, sortable=False),
    ColumnSpec("hours", "Hours", _module_hours, width=6, sortable=False),
    ColumnSpec("level_from", "Levels", _levels, width=10, flex=1, sortable=False, drop=1),
]


def _state(row: Mapping[str, Any]) -> Text:
    return _text(row.get("state_label") or row.get("state"), "bold")


def _age(row: Mapping[str, Any]) -> Text:
    days = row.get("age_days") or 0
    style = "red" if days > 90 else "yellow" if days > 30 else ""
    return _text(f"{days} d", style)


def _clock(row: Mapping[str, Any]) -> Text:
    """Days in the state / its target ("12/30d"); "!" (and red) once past the target
    ("!40/30d"). Eight characters at most for four-digit days, to fit at 80 columns."""
    clock = row.get("clock")
    if not clock:
        return _text("")
    if clock["target_days"] is None:
        return _text(f"{clock['days_in_state']}d", "dim")
    shown = f"{clock['days_in_state']}/{clock['target_days']}d"
    return _text(f"!{shown}", "bold red") if clock["overdue"] else _text(shown)


def _listing(key: str) -> Any:
    def render(row: Mapping[str, Any]) -> Text:
        return _text(", ".join(row.get(key) or []))

    return render


REQUEST_COLUMNS = [
    ColumnSpec("id", "No.", width=5, sortable=False),
    ColumnSpec("state", "State", _state, width=12, flex=1, sortable=False),
    ColumnSpec("country_name", "Country", width=10, flex=2, sortable=False),
    ColumnSpec("requesting_body", "Requesting body", width=14, flex=3, sortable=False, drop=1),
    ColumnSpec("disciplines", "Disciplines", _listing("disciplines"), width=10, flex=2,
               sortable=False, drop=3),
    ColumnSpec("location", "Where", width=10, sortable=False, drop=4),
    ColumnSpec("start", "Starts", width=10, sortable=False, drop=2),
    ColumnSpec("age_days", "Age", _age, width=6, sortable=False),
    ColumnSpec("clock", "In state", _clock, width=8, sortable=False),
]
