"""Read models for the app's screens: pages of countries, filter choices, the discipline tree.

Small compositions of the core's own functions (no textual, no click), so the TUI's widgets
only lay out what these return.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from catalogue.core.countries import (
    DEFAULT_SORT,
    CountryFilter,
    count_countries,
    list_countries,
)
from catalogue.core.names import fold
from catalogue.core.store import Store

#: CountryFilter attribute -> countries column, for the four facets.
FACETS = {"region": "region", "subregion": "subregion", "intermediate": "intermediate",
          "area": "liaison_area_name"}
FACET_LABELS = {"region": "Region", "subregion": "Sub-region",
                "intermediate": "Intermediate region", "area": "Liaison area"}


@dataclass
class CountryPage:
    """One page of a filtered, sorted country listing."""

    rows: list[dict[str, Any]]
    total: int
    offset: int
    limit: int
    #: Set when nothing matched the words and close (fuzzy or exact-code) matches are shown.
    note: str | None = None

    @property
    def page(self) -> int:
        return self.offset // self.limit + 1 if self.limit else 1

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.limit)) if self.limit else 1


def country_page(store: Store, flt: CountryFilter, *, sort: str = DEFAULT_SORT,
                 descending: bool = False, limit: int = 200, offset: int = 0,
                 discipline: str | None = None) -> CountryPage:
    """A page of countries; when the search words match nothing, the lookup's close matches.

    The search box behaves like ``catalogue country``: names and aliases match by word
    prefix; if none do, codes (KE, KEN, 404) and misspellings ("Kenia") are resolved by
    :func:`catalogue.core.lookup.lookup_country`, still within the other filters.
    Each row also has ``delivered`` and ``open``: its requests delivered and open (in
    ``discipline`` if given), shown beside it.
    """
    total = count_countries(store, flt)
    if total or not (flt.search and flt.search.strip()):
        rows = list_countries(store, flt, sort=sort, descending=descending, limit=limit,
                              offset=offset)
        page = CountryPage(rows, total, offset, limit)
    else:
        page = _close_matches(store, flt, sort, descending, limit)
    _add_activity(store, page.rows, discipline)
    return page


def _add_activity(store: Store, rows: list[dict[str, Any]], discipline: str | None) -> None:
    from catalogue.core.facets import activity_by_country

    counts = activity_by_country(store, [r["code"] for r in rows], discipline)
    for row in rows:
        row["delivered"], row["open"] = counts.get(row["code"], (0, 0))


def _close_matches(store: Store, flt: CountryFilter, sort: str, descending: bool,
                   limit: int) -> CountryPage:
    from catalogue.core.lookup import lookup_country

    query = flt.search or ""
    result = lookup_country(store, query)
    found = [result.match] if result.match else result.candidates
    codes = [m.code for m in found]
    if not codes:
        return CountryPage([], 0, 0, limit)
    wider = replace(flt, search=None)
    rows = [r for r in list_countries(store, wider, sort=sort, descending=descending)
            if r["code"] in codes]
    hidden = len(codes) - len(rows)
    if result.status == "found" and result.match and not result.match.fuzzy:
        note = f"matched {result.match.source} {result.match.matched!r}"
    elif result.status == "not_found":
        note = "nothing matches those words; the nearest names"
    else:
        note = "no name starts with those words; closest matches"
    if hidden:
        note += f" ({hidden} more outside the current filters)"
    return CountryPage(rows, len(rows), 0, limit, note=note)


def facet_choices(store: Store, facet: str, flt: CountryFilter) -> list[tuple[str, int]]:
    """(value, count) for one facet under every *other* filter, for the filter picker."""
    from catalogue.core.countries import facet_counts

    others = replace(flt)
    setattr(others, facet, None)
    return facet_counts(store, FACETS[facet], others)


@dataclass
class DisciplineNode:
    id: str
    title: str
    sensitivity: str
    hours: int
    modules: list[dict[str, Any]] = field(default_factory=list)


def discipline_tree(store: Store) -> list[DisciplineNode]:
    """Every discipline with its modules (id, title, hours), in catalogue order."""
    from catalogue.core.catalog import list_disciplines

    nodes = {d["id"]: DisciplineNode(d["id"], d["title"], d["sensitivity"], d["hours"])
             for d in list_disciplines(store)}
    for row in store.query("SELECT id, discipline_id, title, hours, sensitivity FROM modules "
                           "ORDER BY position"):
        nodes[row["discipline_id"]].modules.append(dict(row))
    return list(nodes.values())


def module_detail(store: Store, module_id: str) -> dict[str, Any]:
    """A module with its discipline's title and the principles' names."""
    from catalogue.core.catalog import get_module, principles

    module = get_module(store, module_id)
    row = store.one("SELECT title FROM disciplines WHERE id = ?", (module["discipline_id"],))
    module["discipline_title"] = row["title"] if row else module["discipline_id"]
    names = {p["id"]: p["name"] for p in principles(store)}
    module["principle_titles"] = [names.get(p, p) for p in module["principles"]]
    return module


def palette_countries(store: Store) -> list[dict[str, Any]]:
    """Every country and entity, for the command palette."""
    return [dict(r) for r in store.query(
        "SELECT code, name, listed_as, assisted FROM countries ORDER BY name")]


def palette_modules(store: Store) -> list[dict[str, Any]]:
    """Every module with its discipline's title, for the command palette."""
    return [dict(r) for r in store.query(
        "SELECT m.id, m.title, d.title AS discipline FROM modules m "
        "JOIN disciplines d ON d.id = m.discipline_id ORDER BY d.position, m.position")]


def discipline_activity(store: Store, discipline_id: str) -> dict[str, Any]:
    """Countries with programmes (holding a module of the discipline) or open requests in it."""
    from catalogue.core.requests.states import TERMINAL

    terminal = sorted(TERMINAL)
    marks = ", ".join("?" * len(terminal))
    rows = store.query(
        "WITH p AS (SELECT country, count(*) AS n FROM programmes WHERE id IN "
        "  (SELECT pm.programme_id FROM programme_modules pm JOIN modules m "
        "   ON m.id = pm.module_id WHERE m.discipline_id = ?) GROUP BY 1), "
        "r AS (SELECT rq.country, count(*) AS n FROM requests rq "
        f"  WHERE rq.state NOT IN ({marks}) AND (EXISTS (SELECT 1 FROM json_each(rq.disciplines) "
        "  WHERE value = ?) OR EXISTS (SELECT 1 FROM json_each(rq.modules) j "
        "  JOIN modules m ON m.id = j.value WHERE m.discipline_id = ?)) GROUP BY 1) "
        "SELECT c.code, c.name, coalesce(p.n, 0) AS programmes, coalesce(r.n, 0) AS requests "
        "FROM countries c LEFT JOIN p ON p.country = c.code LEFT JOIN r ON r.country = c.code "
        "WHERE p.n IS NOT NULL OR r.n IS NOT NULL "
        "ORDER BY programmes + requests DESC, c.name LIMIT ?",
        [discipline_id, *terminal, discipline_id, discipline_id, 100])
    return {"countries": [dict(r) for r in rows]}


def discipline_detail(store: Store, discipline_id: str) -> dict[str, Any]:
    """A discipline with its modules and where it is in demand, for the detail pane."""
    from catalogue.core.catalog import discipline_modules, find_discipline

    discipline = find_discipline(store, discipline_id)
    discipline["module_list"] = discipline_modules(store, discipline["id"])
    discipline["activity"] = discipline_activity(store, discipline["id"])
    return discipline


# ------------------------------------------------------------------ programme builder


def builder_choices(store: Store) -> dict[str, Any]:
    """What the builder's pickers offer: countries, delivery modes, audience levels, and the
    templates a new programme can start from (each discipline's standard modules, as the
    CLI's ``programme new --template``)."""
    from catalogue.core.catalog import levels, list_disciplines
    from catalogue.core.programmes.model import DELIVERY_MODES

    standard: dict[str, int] = {r[0]: r[1] for r in store.query(
        "SELECT discipline_id, count(*) FROM modules WHERE standard > 0 GROUP BY discipline_id")}
    templates = [{"id": d["id"], "title": d["title"], "modules": standard.get(d["id"], 0)}
                 for d in list_disciplines(store)]
    return {"countries": palette_countries(store), "modes": list(DELIVERY_MODES),
            "levels": levels(store), "templates": templates}


def programme_page(store: Store, search: str | None, *, limit: int = 200,
                   offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """A page of programmes, most recently changed first, and how many match."""
    from catalogue.core.programmes.queries import (
        ProgrammeFilter,
        count_programmes,
        list_programmes,
    )

    flt = ProgrammeFilter(search=search or None)
    return (list_programmes(store, flt, limit=limit, offset=offset),
            count_programmes(store, flt))


@dataclass
class BuilderView:
    """One programme as the builder shows it: the outline and its Markdown preview."""

    outline: dict[str, Any]
    markdown: str


def builder_view(store: Store, programme_id: int) -> BuilderView:
    from catalogue.core.exports.markdown import render_markdown
    from catalogue.core.exports.render import outline_document
    from catalogue.core.programmes.outline import build_outline

    outline = build_outline(store, programme_id)
    return BuilderView(outline, render_markdown(outline, outline_document(store, outline)))


# ------------------------------------------------------------------ requests board


def request_state_counts(store: Store) -> dict[str, int]:
    """How many requests are in each state (every state listed, zero included)."""
    from catalogue.core.requests.states import STATES

    counts = dict.fromkeys(STATES, 0)
    for row in store.query("SELECT state, count(*) FROM requests GROUP BY state"):
        counts[row[0]] = row[1]
    return counts


OPEN = "open"


def request_page(store: Store, state: str, *, limit: int = 200, offset: int = 0,
                 overdue_first: bool = False) -> tuple[list[dict[str, Any]], int]:
    """A page of requests in one state (or every open one), oldest first (or the most days
    past their state's target first), and the total. Each row carries its clock."""
    from catalogue.core.osja.view import needing_reassessment
    from catalogue.core.requests.register import RequestFilter, count_requests, list_requests
    from catalogue.core.requests.states import TERMINAL

    flt = RequestFilter(open_only=True) if state == OPEN else RequestFilter(states=[state])
    rows = list_requests(store, flt, limit=limit, offset=offset,
                         sort="overdue" if overdue_first else "created",
                         descending=overdue_first)
    marks = needing_reassessment(store, [r["id"] for r in rows])
    for row in rows:  # the board marks the requests whose OSJA assessment needs redoing
        row["osja_state"] = marks.get(row["id"], "none")
        if row["osja_state"] in ("reassess", "legacy") and row["state"] not in TERMINAL:
            row["state_label"] = f"re-assess · {row['state_label']}"
    return rows, count_requests(store, flt)


def request_detail(store: Store, request_id: int) -> dict[str, Any]:
    """The request overview, its audit history and its linked programme's title."""
    from catalogue.core.requests.audit import history
    from catalogue.core.requests.overview import request_overview

    overview = request_overview(store, request_id)
    overview["history"] = history(store, request_id)
    programme_id = overview["request"]["programme_id"]
    overview["programme"] = None
    if programme_id is not None:
        row = store.one("SELECT id, title, country FROM programmes WHERE id = ?", (programme_id,))
        overview["programme"] = dict(row) if row else {"id": programme_id, "title": None,
                                                       "country": None}
    return overview


def workflow_choices(store: Store) -> dict[str, Any]:
    """The policy's OSJA grades, approvers and decline reasons, for the step dialogs."""
    from catalogue.core.rules.stored import stored_policy

    policy = stored_policy(store)
    return {
        "approvers": [(a["id"], a["title"]) for a in policy["approvers"]],
        "decline_reasons": [(k, re.sub(r"\s*\{[^}]*\}", "", v["title"]))
                            for k, v in policy["flags"].items() if v.get("decline")],
    }


# ------------------------------------------------------------------ palette searches

PALETTE_LIMIT = 20


def _number(text: str) -> int | None:
    digits = text.strip().lstrip("#")
    usable = digits.isascii() and digits.isdigit() and len(digits) < 12  # not "²"
    return int(digits) if usable else None


def find_programmes(store: Store, text: str, limit: int = PALETTE_LIMIT) -> list[dict[str, Any]]:
    """Programmes for the palette: by number, or by words in the title or notes (recent first
    when ``text`` is empty)."""
    from catalogue.core.programmes.queries import ProgrammeFilter, list_programmes

    found: list[dict[str, Any]] = []
    number = _number(text)
    if number is not None:
        found += [dict(r) for r in store.query(
            "SELECT p.id, p.title, c.name AS country_name FROM programmes p "
            "LEFT JOIN countries c ON c.code = p.country WHERE p.id = ?", (number,))]
    if text.strip() and not fold(text):
        return found
    rows = list_programmes(store, ProgrammeFilter(search=text or None), limit=limit)
    found += [{"id": r["id"], "title": r["title"], "country_name": r["country_name"]}
              for r in rows if r["id"] != number]
    return found[:limit]


def find_requests(store: Store, text: str, limit: int = PALETTE_LIMIT) -> list[dict[str, Any]]:
    """Requests for the palette: by number, or by requesting body or country name."""
    sql = ("SELECT r.id, r.requesting_body, r.state, c.name AS country_name FROM requests r "
           "LEFT JOIN countries c ON c.code = r.country")
    number = _number(text)
    if number is not None:
        rows = store.query(sql + " WHERE r.id = ?", (number,))
    elif text.strip():
        pattern = "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace(
            "_", "\\_") + "%"
        rows = store.query(sql + " WHERE r.requesting_body LIKE ? ESCAPE '\\' OR c.name LIKE ? "
                           "ESCAPE '\\' ORDER BY r.id DESC LIMIT ?", (pattern, pattern, limit))
    else:
        rows = store.query(sql + " ORDER BY r.updated_at DESC, r.id DESC LIMIT ?", (limit,))
    return [dict(r) for r in rows]
