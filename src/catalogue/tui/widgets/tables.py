"""Column layouts for the app's paged tables (cells are ``Text``, never markup)."""

from __future__ import annotations

from typing import Any

from rich.text import Text

from catalogue.tui.widgets.paged_table import ColumnSpec


def _text(value: Any, style: str = "") -> Text:
    return Text("" if value is None else str(value), style=style, no_wrap=True,
                overflow="ellipsis")


def _listed_as(row: dict[str, Any]) -> Text:
    if row.get("listed_as"):
        return _text(row["listed_as"])
    return _text(row["name"], "dim italic")


def _assisted(row: dict[str, Any]) -> Text:
    return _text("✓", "green") if row.get("assisted") else _text("·", "dim")


def _priority(row: dict[str, Any]) -> Text:
    if row.get("hr_priority"):
        return _text(f"● {row.get('hr_priority_year') or ''}".strip(), "bold red")
    return _text("·", "dim")


COUNTRY_COLUMNS = [
    ColumnSpec("name", "Listed as", _listed_as, width=14, flex=3),
    ColumnSpec("code", "ISO", width=3),
    ColumnSpec("region", "Region", width=8),
    ColumnSpec("subregion", "Sub-region", width=10, flex=2),
    ColumnSpec("liaison_area_name", "Liaison area", width=10, flex=2),
    ColumnSpec("assisted", "Assisted", _assisted, width=8),
    ColumnSpec("hr_priority", "HR priority", _priority, width=11),
]
