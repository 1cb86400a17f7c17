"""How the roster and calendar screens draw trainers, deliveries and months (``Text`` only,
so stored text is never markup)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.text import Text

from catalogue.core.names import one_line, paragraph
from catalogue.core.trainers.calendar import MonthCalendar
from catalogue.core.trainers.views import TrainerDetail
from catalogue.tui.widgets.paged_table import ColumnSpec

LABEL_WIDTH = 11
WEEKDAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")


def _text(value: Any, style: str = "") -> Text:
    return Text("" if value is None else one_line(str(value)), style=style, no_wrap=True,
                overflow="ellipsis")


def _kind(row: Mapping[str, Any]) -> Text:
    kind = str(row.get("kind") or "").replace("serving-officer", "serving officer")
    return _text(f"{kind} ({row['force']})" if row.get("force") else kind)


def _clash(row: Mapping[str, Any]) -> Text:
    clashes = row.get("clashes") or ()
    if not clashes:
        return _text("·", "dim")
    text = Text("CLASH ", style="bold red", no_wrap=True, overflow="ellipsis")
    more = f" (+{len(clashes) - 1} more)" if len(clashes) > 1 else ""
    text.append(clashes[0].why + more, style="red")
    return text


def _dates(row: Mapping[str, Any]) -> Text:
    return _text(f"{str(row['start'])[5:]}..{str(row['end'])[5:]}")


TRAINER_COLUMNS = [
    ColumnSpec("id", "No.", width=4, sortable=False),
    ColumnSpec("name", "Name", width=12, flex=3, sortable=False),
    ColumnSpec("kind", "Kind", _kind, width=9, flex=2, sortable=False, drop=1),
    ColumnSpec("assignments", "Del.", width=4, sortable=False, drop=2),
]

CALENDAR_COLUMNS = [
    ColumnSpec("start", "Dates", _dates, width=12, sortable=False),
    ColumnSpec("programme_id", "No.", width=5, sortable=False, drop=3),
    ColumnSpec("title", "Programme", width=12, flex=3, sortable=False, drop=2),
    ColumnSpec("country", "Country", width=10, flex=2, sortable=False),
    ColumnSpec("mode", "Mode", width=10, sortable=False, drop=4),
    ColumnSpec("trainers", "Trainers", width=10, flex=3, sortable=False),
    ColumnSpec("clashes", "Clash", _clash, width=5, flex=4, sortable=False),
]


def _row(text: Text, label: str, value: Any, style: str = "", *, lines: bool = False) -> None:
    """A labelled row: stored text on one line ("↵" for a line break), or with ``lines``
    (notes) its lines kept, indented under the value."""
    if value in (None, "", [], ()):
        return
    text.append(f"{label:<{LABEL_WIDTH}}", style="dim")
    text.append(paragraph(str(value), LABEL_WIDTH) if lines else one_line(str(value)),
                style=style)
    text.append("\n")


def trainer_text(detail: TrainerDetail) -> Text:
    t = detail.trainer
    text = Text()
    text.append(f"Trainer {t.id}  ", style="bold cyan")
    text.append(one_line(t.name), style="bold")
    text.append("\n")
    _row(text, "Kind", t.kind_label)
    _row(text, "Languages", ", ".join(t.languages) or "(none recorded)")
    _row(text, "Notes", t.notes, "italic", lines=True)
    text.append("\nMay deliver\n", style="bold underline")
    if not t.subjects:
        text.append("nothing yet (a: accredit)\n", style="dim")
    for s in t.subjects:
        text.append(f"{s.kind} ", style="dim")
        text.append(s.title)
        if not s.accredited_on:
            text.append("  not accredited\n", style="yellow")
        elif s.expires_on and s.expires_on < detail.today:
            text.append(f"  EXPIRED {s.expires_on}\n", style="bold red")
        else:
            until = f"until {s.expires_on}" if s.expires_on else "no expiry"
            text.append(f"  accredited, {until}\n", style="green")
    text.append("\nUnavailable\n", style="bold underline")
    if not t.unavailable:
        text.append("no dates recorded\n", style="dim")
    for u in t.unavailable:
        text.append(f"#{u.id} {u.start}..{u.end}")
        if u.reason:
            text.append(f"  {u.reason}", style="dim")
        text.append("\n")
    text.append("\nDeliveries\n", style="bold underline")
    if not detail.deliveries:
        text.append("none assigned (s: assign to a programme)\n", style="dim")
    for item in detail.deliveries:
        d = item.delivery
        when = f"{d.start}..{d.end}" if d.dated else "no dates"
        text.append(f"#{d.programme_id} ", style="cyan")
        text.append(d.title)
        text.append(f"  {d.country_name}, {d.mode}, {when} ({item.role})\n", style="dim")
        for w in item.warnings:
            style = "yellow" if w.severity == "needs-action" else "dim"
            text.append(f"  ! {w.id}: ", style=f"bold {style}")
            text.append(f"{w.why}\n", style=style)
            text.append(f"    source: {w.source}\n", style="dim")
    changes_text(text, detail)
    return text


def changes_text(text: Text, detail: TrainerDetail) -> None:
    """The latest changes to the trainer, newest first: when, who (the OS login or signed-in
    user, on behalf of the name given) and what."""
    shown, count = len(detail.changes), detail.change_count
    text.append("\nChanges", style="bold underline")
    more = f"  latest {shown} of {count} (catalogue trainer history {detail.trainer.id})"
    text.append(more if count > shown else "", style="dim")
    text.append("\n")
    for event in detail.changes:
        text.append(f"{event.at[:16].replace('T', ' ')} ", style="dim")
        text.append(f"{event.who} ", style="cyan")
        text.append(f"{event.action}\n", style="bold")


def month_grid(month: MonthCalendar) -> Text:
    """The month as weeks of days: how many deliveries run each day, ``!`` on a clash."""
    text = Text()
    text.append("  ".join(f"{d:<7}" for d in WEEKDAYS).rstrip() + "\n", style="bold")
    days = month.days()
    pad = days[0][0].weekday()
    cells: list[Text | None] = [None] * pad
    for day, count, clash in days:
        shown = Text(f"{day.day:>2}", style="bold" if count else "dim")
        mark = f" {count:>3}" if count else "   ·"
        shown.append(mark, style="red bold" if clash else ("cyan" if count else "dim"))
        shown.append("!" if clash else " ", style="red bold")
        cells.append(shown)
    for start in range(0, len(cells), 7):
        week = cells[start:start + 7]
        for i, slot in enumerate(week):
            if i:
                text.append("  ")
            text.append(slot if slot is not None else Text(" " * 7))
        text.append("\n")
    return text
