"""Every programme's delivery dates, kept in ``delivery_spans`` by the database itself.

The calendar must find a month's deliveries among 100,000 programmes without working out
each one's end. The dates are derived data (the linked request's start and end when it has
both, else the programme's start and its indicative end: hours ÷ hours per day, five training
days then two rest days), so they are computed by one SQL view and stored by triggers on
everything they depend on: the programme, its modules, the linked request's dates, and
``_meta.data_hash`` (a reseed may change module hours or the default hours per day). With
the longest span indexed, a month's deliveries are one index range.

Imported on the quick lookup's path (through ``schema``): plain strings only.
"""

from __future__ import annotations

_HOURS_PER_DAY = ("coalesce(p.hours_per_day, (SELECT json_extract(value, '$.hours_per_day') "
                  "FROM costing WHERE key = 'rates'), 6.0)")


def _span_select(hours: str, joins: str = "") -> str:
    """The dates of every programme, its total hours given by the SQL ``hours``. The
    scheduled days are ceil(round(hours ÷ hours per day, 6)) (``+ 0.9999995`` then truncation
    is that ceiling for a number of six decimals); no hours, no indicative end (as in the
    outline)."""
    return f"""
SELECT id AS programme_id,
       CASE WHEN rs IS NOT NULL AND re IS NOT NULL THEN rs ELSE ps END AS start,
       CASE WHEN rs IS NOT NULL AND re IS NOT NULL THEN re
            WHEN ps IS NULL OR d < 1 THEN NULL
            ELSE date(ps, '+' || ((d - 1) + 2 * ((d - 1) / 5)) || ' days') END AS "end"
FROM (SELECT id, ps, rs, re, CAST(x + 0.9999995 AS INTEGER) AS d
      FROM (SELECT p.id, p.start_date AS ps, r.start AS rs, r."end" AS re,
                   round(coalesce({hours}, 0) / {_HOURS_PER_DAY}, 6) AS x
            FROM programmes p LEFT JOIN requests r ON r.id = p.request_id {joins}))"""


#: One programme's span at a time (the triggers' form): a correlated sum over its modules.
SPAN_SOURCE = ("CREATE VIEW IF NOT EXISTS delivery_span_source AS " + _span_select(
    "(SELECT sum(coalesce(pm.hours, m.hours, 0)) FROM programme_modules pm "
    "LEFT JOIN modules m ON m.id = pm.module_id WHERE pm.programme_id = p.id)"))
#: Every programme's span at once (a migration, a reseed, a bulk load): one grouped pass.
ALL_SPANS = _span_select("h.hours", "LEFT JOIN (SELECT pm.programme_id, "
                         "sum(coalesce(pm.hours, m.hours, 0)) AS hours FROM programme_modules pm "
                         "LEFT JOIN modules m ON m.id = pm.module_id GROUP BY pm.programme_id) h "
                         "ON h.programme_id = p.id")

TABLE = """
CREATE TABLE IF NOT EXISTS delivery_spans (
    programme_id INTEGER PRIMARY KEY,
    start TEXT NOT NULL,
    "end" TEXT NOT NULL,
    days INTEGER NOT NULL
)
"""

_COLUMNS = ('SELECT programme_id, start, "end", '
            'CAST(julianday("end") - julianday(start) AS INTEGER) FROM delivery_span_source')


def _refresh(ident: str) -> str:
    """Statements recomputing one programme's span (``ident`` is NEW.x or OLD.x)."""
    return (f"DELETE FROM delivery_spans WHERE programme_id = {ident}; "
            f'INSERT INTO delivery_spans (programme_id, start, "end", days) {_COLUMNS} '
            f"WHERE programme_id = {ident} AND start IS NOT NULL AND \"end\" IS NOT NULL;")


REBUILD = ("DELETE FROM delivery_spans; "
           'INSERT INTO delivery_spans (programme_id, start, "end", days) SELECT programme_id, '
           'start, "end", CAST(julianday("end") - julianday(start) AS INTEGER) '
           f'FROM ({ALL_SPANS}) WHERE start IS NOT NULL AND "end" IS NOT NULL;')

TRIGGERS = {
    "delivery_spans_programme_insert":
        f"AFTER INSERT ON programmes BEGIN {_refresh('NEW.id')} END",
    "delivery_spans_programme_update":
        "AFTER UPDATE OF start_date, hours_per_day, request_id ON programmes "
        f"BEGIN {_refresh('NEW.id')} END",
    "delivery_spans_programme_delete":
        "AFTER DELETE ON programmes BEGIN "
        "DELETE FROM delivery_spans WHERE programme_id = OLD.id; END",
    "delivery_spans_module_insert":
        f"AFTER INSERT ON programme_modules BEGIN {_refresh('NEW.programme_id')} END",
    "delivery_spans_module_update":
        "AFTER UPDATE ON programme_modules BEGIN "
        f"{_refresh('OLD.programme_id')} {_refresh('NEW.programme_id')} END",
    "delivery_spans_module_delete":
        f"AFTER DELETE ON programme_modules BEGIN {_refresh('OLD.programme_id')} END",
    "delivery_spans_request_dates":
        'AFTER UPDATE OF start, "end" ON requests BEGIN '
        "DELETE FROM delivery_spans WHERE programme_id IN "
        "(SELECT id FROM programmes WHERE request_id = NEW.id); "
        f'INSERT INTO delivery_spans (programme_id, start, "end", days) {_COLUMNS} '
        "WHERE programme_id IN (SELECT id FROM programmes WHERE request_id = NEW.id) "
        'AND start IS NOT NULL AND "end" IS NOT NULL; END',
    "delivery_spans_reseed_insert":
        f"AFTER INSERT ON _meta WHEN NEW.key = 'data_hash' BEGIN {REBUILD} END",
    "delivery_spans_reseed_update":
        f"AFTER UPDATE ON _meta WHEN NEW.key = 'data_hash' BEGIN {REBUILD} END",
}

#: Tables whose triggers keep the spans (a bulk load may drop and recreate them).
WATCHED = ("programmes", "programme_modules", "requests", "_meta")


def statements() -> list[str]:
    """Everything the migration runs: the table, its indexes, the view, the triggers and a
    first fill."""
    out = [TABLE,
           'CREATE INDEX IF NOT EXISTS delivery_spans_start ON delivery_spans (start, "end")',
           "CREATE INDEX IF NOT EXISTS delivery_spans_days ON delivery_spans (days)",
           SPAN_SOURCE]
    out += [f'CREATE TRIGGER IF NOT EXISTS "{name}" {body}' for name, body in TRIGGERS.items()]
    return out
