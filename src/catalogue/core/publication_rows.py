"""The rows of the copy's computed tables: each programme as its redacted export shows it,
each request's team fields, and each open request's OSJA review mark for the day."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from catalogue.core.dates import utc_now
from catalogue.core.errors import CatalogueError
from catalogue.core.publication_specs import PUBLIC_DISCIPLINES
from catalogue.core.store import Store


def programme_keys(store: Store) -> dict[int, str]:
    """What each programme's public rows depend on (its row, its request, its country's
    travel advice, the data files): rebuilt only when this changes."""
    seeded = store.meta("data_hash") or ""
    rows = store.query(
        "SELECT p.id, p.updated_at, r.updated_at, a.set_at, a.as_of, d.as_of, d.level "
        "FROM programmes p LEFT JOIN requests r ON r.id = p.request_id "
        "LEFT JOIN travel_advice a ON a.code = p.country "
        "LEFT JOIN travel_advice_data d ON d.code = p.country")
    return {int(r[0]): json.dumps([seeded, *r[1:]]) for r in rows}


Rows = tuple[tuple[Any, ...], list[tuple[Any, ...]]]


def _level_id(level: Any) -> str | None:
    """The audience rank's id: the export gives the rank as {id, name, rank}."""
    return level.get("id") if isinstance(level, dict) else level


def public_programme(store: Store, programme_id: int) -> Rows:
    """One programme's public row and module rows, from its redacted export."""
    from catalogue.core.exports.render import export_outline

    outline = export_outline(store, programme_id, redact=True)
    p, modules = outline["programme"], outline["modules"]
    disciplines = sorted({m["discipline_id"] for m in modules if m.get("discipline_id")})
    row = (p["id"], p["title"], p["country"]["code"], p["delivery_mode"], p.get("start_date"),
           p.get("end_date"), _level_id(p.get("audience_level")), p.get("cohort_size"),
           p.get("osja_grade"), p.get("notes"), json.dumps(disciplines), len(modules),
           round(sum(m["hours"] or 0 for m in modules), 2),
           outline["totals"].get("withheld_modules", 0))
    module_rows = [(p["id"], m["position"], m["id"], m["hours"], m.get("notes"))
                   for m in modules]
    return row, module_rows


def team_requests(store: Store) -> Iterator[tuple[Any, ...]]:
    """Every request's team fields; only disciplines marked public, the others counted."""
    shown = {r[0] for r in store.query(PUBLIC_DISCIPLINES)}
    for row in store.query("SELECT id, country, state, location, disciplines, created_at, "
                           "state_changed_at, programme_id FROM requests ORDER BY id"):
        try:
            disciplines = [d for d in json.loads(row["disciplines"] or "[]") if isinstance(d, str)]
        except ValueError:  # a damaged row (catalogue db check names it): count nothing
            disciplines = []
        public = sorted(d for d in disciplines if d in shown)
        yield (row["id"], row["country"], row["state"], row["location"], json.dumps(public),
               len(set(disciplines)) - len(public), str(row["created_at"])[:10],
               str(row["state_changed_at"])[:10], row["programme_id"])


UNKNOWN = "unknown"  # the request's record could not be read (catalogue db check)


def request_reviews(store: Store, batch: int = 500) -> Iterator[tuple[Any, ...]]:
    """Each open request's OSJA state, review date and what changed, worked out for today.

    A request whose record cannot be read is marked ``unknown`` rather than stopping the
    whole copy (``catalogue db check`` finds what is wrong with it).
    """
    from catalogue.core.osja.view import ReviewMark, review_marks
    from catalogue.core.requests.states import TERMINAL

    today = utc_now().date()
    ended = ", ".join(f"'{s}'" for s in sorted(TERMINAL))
    ids = [r[0] for r in store.query(f"SELECT id FROM requests WHERE state NOT IN ({ended}) "
                                     "ORDER BY id")]
    for start in range(0, len(ids), batch):
        chunk = ids[start:start + batch]
        try:
            marks = review_marks(store, chunk, today)
        except (CatalogueError, ValueError, KeyError, TypeError):
            marks = {}
            for rid in chunk:
                try:
                    marks.update(review_marks(store, [rid], today))
                except (CatalogueError, ValueError, KeyError, TypeError):
                    marks[rid] = ReviewMark(UNKNOWN)
        for rid in chunk:
            mark = marks[rid]
            yield (rid, mark.state, mark.review_on, json.dumps(list(mark.changed)),
                   today.isoformat())
