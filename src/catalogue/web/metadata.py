"""Datasette metadata for the web view's copy: titles, descriptions, column notes, facets,
canned queries. The tables and columns are those of :mod:`catalogue.core.publication`; the
team's tables and queries are left out of a public copy."""

from __future__ import annotations

from typing import Any

from catalogue.core.publication_specs import REQUEST_REVIEWS, REQUESTS, TEAM

DATABASE = "catalogue"
OPEN = "r.state NOT IN ('delivered', 'declined', 'withdrawn')"
TEAM_TABLES = {REQUESTS.name, REQUEST_REVIEWS.name}

_TABLES: dict[str, dict[str, Any]] = {
    "programmes": {
        "title": "Training programmes",
        "description": "Every programme as the redacted exports show it: the public title "
                       "(or 'Training programme for COUNTRY'), months instead of exact dates "
                       "for in-country delivery, withheld modules left out and counted.",
        "facets": ["country", "delivery_mode", {"array": "disciplines"}],
        "label_column": "title",
        "sort_desc": "id",
        "columns": {
            "title": "The public title chosen for the programme, or a neutral one",
            "country": "The country the programme is for (links to the country)",
            "start_date": "First day; only the month for in-country or blended delivery",
            "end_date": "Last day (the indicative end); month only as above",
            "disciplines": "Disciplines of the programme's public modules",
            "modules": "Public modules in the outline",
            "hours": "Training hours of the public modules",
            "withheld_modules": "Modules left out as confidential content",
            "osja_grade": "OSJA grade recorded for the programme: low, medium or high",
            "notes": "The programme's description, with any text quoting withheld content "
                     "replaced",
        },
    },
    "programme_modules": {
        "title": "Modules of each programme",
        "description": "The public modules of each programme's outline, in order.",
        "facets": ["module_id"],
        "columns": {"hours": "Hours planned for this module in this programme",
                    "notes": "Trainer notes (public modules only)"},
    },
    "countries": {
        "title": "Countries and territories",
        "description": "ISO 3166 and UN M49 names and regions, with the British mission, the "
                       "liaison area and the FCDO human-rights priority mark.",
        "facets": ["region", "liaison_area", "kind", "assisted"],
        "label_column": "name",
        "columns": {"assisted": "1 when the country is in the assisted list (data/)",
                    "hr_priority": "1 when on the FCDO human rights priority list",
                    "uk_mission": "The British mission to consult"},
    },
    "modules": {
        "title": "Module library (public modules)",
        "description": "Modules whose sensitivity is public, of disciplines that are not "
                       "withheld.",
        "facets": ["discipline_id", "level_from"],
        "label_column": "title",
        "columns": {"hours": "Standard length in hours",
                    "outcomes": "Learning outcomes (a JSON list)"},
    },
    "disciplines": {"title": "Disciplines", "label_column": "title",
                    "description": "Disciplines marked public."},
    "levels": {"title": "Audience ranks", "label_column": "name",
               "description": "Ranks from data/levels.toml, most junior first."},
    "liaison_areas": {"title": "Liaison areas", "label_column": "name"},
    "principles": {"title": "Principles", "label_column": "name",
                   "description": "Stabilisation Unit principles modules refer to."},
    "hr_priority_lists": {"title": "FCDO human rights priority lists"},
    "hr_priority_entries": {"title": "Countries on the FCDO priority lists",
                            "facets": ["year"]},
    "ethics": {"title": "Code of Ethics", "facets": ["edition", "kind"]},
    "travel_advice_data": {"title": "FCDO travel advice (data file)", "facets": ["level"],
                           "columns": {"as_of": "The date the advice was read"}},
    "travel_advice": {"title": "FCDO travel advice (recorded by users)", "facets": ["level"],
                      "columns": {"as_of": "The date the advice was read"}},
    "workflow_targets": {
        "title": "Workflow targets (local practice)",
        "description": "Target days a request should spend in each state: the "
                       "organisation's own practice from data/workflow-targets.toml, not a "
                       "published rule (basis says whose).",
    },
    # The team's tables (not in a public copy).
    "requests": {
        "title": "Requests (the team's view)",
        "description": "Every request with the fields the team may see (core/disclosure.py): "
                       "country, state, delivery mode, public disciplines and dates. The "
                       "requesting body, names, notes, references, dates of delivery and the "
                       "audit trail are withheld and are not here.",
        "facets": ["state", "country", {"array": "disciplines"}, "location"],
        "sort_desc": "received_on",
        "columns": {
            "country": "The country asking (links to the country)",
            "state": "Where the request is in the workflow",
            "location": "Delivery: uk, in-country or remote",
            "disciplines": "Disciplines asked for that are marked public",
            "withheld_disciplines": "Disciplines asked for that are not marked public",
            "received_on": "The day the request was logged",
            "state_since": "The day it reached its current state",
            "programme_id": "The programme planned for it (links to the programme)",
        },
    },
    "request_reviews": {
        "title": "OSJA state of open requests",
        "description": "Each open request's OSJA assessment state, worked out by the tool "
                       "on the day the copy was built (worked_out_on): current, reassess "
                       "(a fact it relied on changed, its review date passed or the "
                       "suggested minimum level rose), legacy (only an old local-practice "
                       "grade), none (no assessment yet) or unknown (the record could not be "
                       "read: catalogue db check). Only which kinds of fact changed are shown.",
        "facets": ["osja_state"],
        "columns": {"review_on": "The day the latest assessment is due for review",
                    "changed": "The kinds of fact that changed since it was recorded"},
    },
}

_QUERIES: dict[str, dict[str, str]] = {
    "programmes_by_region": {
        "title": "Programmes by UN region",
        "description": "How many programmes, and how many hours of public training, for "
                       "each UN M49 region.",
        "sql": "SELECT c.region, count(p.id) AS programmes, round(sum(p.hours), 1) AS hours\n"
               "FROM programmes p JOIN countries c ON c.code = p.country\n"
               "GROUP BY c.region ORDER BY programmes DESC, c.region",
    },
    "programmes_by_country": {
        "title": "Programmes by country",
        "sql": "SELECT c.name AS country, c.region, count(p.id) AS programmes,\n"
               "  round(sum(p.hours), 1) AS hours\n"
               "FROM programmes p JOIN countries c ON c.code = p.country\n"
               "GROUP BY p.country ORDER BY programmes DESC, c.name",
    },
    "programmes_by_discipline": {
        "title": "Programmes by discipline",
        "sql": "SELECT d.title AS discipline, count(DISTINCT p.id) AS programmes\n"
               "FROM programmes p, json_each(p.disciplines) j\n"
               "JOIN disciplines d ON d.id = j.value\n"
               "GROUP BY d.id ORDER BY programmes DESC, d.title",
    },
    "upcoming_programmes": {
        "title": "Programmes starting from this month",
        "sql": "SELECT p.id, p.title, c.name AS country, p.delivery_mode, p.start_date\n"
               "FROM programmes p JOIN countries c ON c.code = p.country\n"
               "WHERE p.start_date >= strftime('%Y-%m', 'now') ORDER BY p.start_date, p.id",
    },
    "open_requests_by_age": {
        "title": "Open requests by age",
        "description": "Open requests, oldest first: days since received and days in the "
                       "current state against the workflow target (local practice, "
                       "data/workflow-targets.toml; see the workflow_targets table for its "
                       "basis).",
        "sql": "SELECT r.id AS request, c.name AS country, r.state, r.received_on,\n"
               "  CAST(julianday('now') - julianday(r.received_on) AS INTEGER) AS days_open,\n"
               "  r.state_since,\n"
               "  CAST(julianday('now') - julianday(r.state_since) AS INTEGER) AS days_in_state,\n"
               "  t.days AS target_days,\n"
               "  CASE WHEN julianday('now') - julianday(r.state_since) > t.days\n"
               "    THEN 'past target' ELSE '' END AS against_target\n"
               "FROM requests r JOIN countries c ON c.code = r.country\n"
               "LEFT JOIN workflow_targets t ON t.state = r.state\n"
               f"WHERE {OPEN}\nORDER BY r.received_on, r.id",
    },
    "requests_needing_reassessment": {
        "title": "Open requests needing OSJA re-assessment or review",
        "description": "Open requests whose OSJA assessment needs redoing (reassess), "
                       "rests only on a legacy grade, could not be read, or whose review "
                       "date has passed, as worked out when the copy was built.",
        "sql": "SELECT r.id AS request, c.name AS country, r.state, v.osja_state,\n"
               "  v.review_on, v.changed, v.worked_out_on\n"
               "FROM request_reviews v JOIN requests r ON r.id = v.request_id\n"
               "JOIN countries c ON c.code = r.country\n"
               "WHERE v.osja_state IN ('reassess', 'legacy', 'unknown')\n"
               "   OR v.review_on < date('now')\nORDER BY v.review_on, r.id",
    },
    "osja_reviews_due": {
        "title": "OSJA reviews due, soonest first",
        "description": "Open requests with an OSJA assessment and the days until its review "
                       "date (negative: passed).",
        "sql": "SELECT r.id AS request, c.name AS country, r.state, v.osja_state, v.review_on,\n"
               "  CAST(julianday(v.review_on) - julianday(date('now')) AS INTEGER) AS days_left\n"
               "FROM request_reviews v JOIN requests r ON r.id = v.request_id\n"
               "JOIN countries c ON c.code = r.country\n"
               "WHERE v.review_on IS NOT NULL ORDER BY v.review_on, r.id",
    },
    "requests_by_region": {
        "title": "Requests by UN region and state",
        "sql": "SELECT c.region, r.state, count(*) AS requests\n"
               "FROM requests r JOIN countries c ON c.code = r.country\n"
               "GROUP BY c.region, r.state ORDER BY c.region, requests DESC",
    },
    "countries_by_travel_advice": {
        "title": "Countries by FCDO travel advice",
        "sql": "SELECT t.level, c.name AS country, t.as_of\n"
               "FROM travel_advice_data t JOIN countries c ON c.code = t.code\n"
               "ORDER BY t.level, c.name",
    },
}


TEAM_QUERIES = {"open_requests_by_age", "requests_needing_reassessment", "osja_reviews_due",
                "requests_by_region"}


def metadata(refreshed: str = "", audience: str = TEAM) -> dict[str, Any]:
    """The metadata document for Datasette (``refreshed``: when the copy was made)."""
    note = f" Copy made {refreshed}." if refreshed else ""
    team = audience == TEAM
    if team:
        title, about = ("Training catalogue: the team's read-only register",
                        "A read-only copy of the register for the wider team: public fields "
                        "and the request fields core/disclosure.py marks for the team. Not "
                        "for partners or the public (their material is the redacted exports). "
                        "Names, notes, references, costs, the audit trail and the trainer "
                        "roster are withheld and are not here.")
    else:
        title, about = ("Training catalogue: the public register",
                        "A read-only copy of the register holding only public fields "
                        "(core/disclosure.py). Requests, the audit trail and the trainer "
                        "roster are withheld and are not here.")
    return {
        "title": title,
        "description": about + note,
        "databases": {DATABASE: {
            "title": "The team's register" if team else "Public register",
            "tables": {k: v for k, v in _TABLES.items() if team or k not in TEAM_TABLES},
            "queries": {k: v for k, v in _QUERIES.items() if k in canned_queries(audience)},
        }},
    }


def canned_queries(audience: str = TEAM) -> list[str]:
    return [k for k in _QUERIES if audience == TEAM or k not in TEAM_QUERIES]
