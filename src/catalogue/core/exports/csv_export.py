"""An outline's modules as CSV, one row per module (what spreadsheets open)."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any

from catalogue.core.exports.wording import clean
from catalogue.core.names import spreadsheet_safe

if TYPE_CHECKING:
    from catalogue.core.programmes.outline import ProgrammeOutline

COLUMNS = ("position", "module_id", "title", "summary", "discipline_id", "discipline", "level_from",
           "level_to", "library_hours", "hours", "hours_overridden", "sensitivity",
           "principles", "prerequisites", "outcomes", "library_note", "notes")


def cell(value: Any) -> str:
    """A CSV cell: lists joined with "; ", and text that a spreadsheet would run as a
    formula prefixed with an apostrophe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        return f"{value:g}"
    if isinstance(value, list):
        value = "; ".join(map(str, value))
    text = clean(value)
    return spreadsheet_safe(text)


def render_csv(outline: ProgrammeOutline) -> str:
    """A header row, then the modules in order; a redacted export ends with one row per
    withheld item, saying what was withheld and why (module_id empty)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for m in outline["modules"]:
        row = {**m, "module_id": m["id"], "discipline": m["discipline_title"]}
        writer.writerow([cell(row.get(key)) for key in COLUMNS])
    for item in outline["withheld"]:
        note = f"[withheld] {item['what']}: {item['reason']}"
        writer.writerow(["", "", cell(note), *([""] * (len(COLUMNS) - 3))])
    return buffer.getvalue()
