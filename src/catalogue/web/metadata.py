"""Datasette metadata for the public copy: titles, descriptions, column notes, facets,
canned queries. The tables and columns are those of :mod:`catalogue.core.publication`."""

from __future__ import annotations

from typing import Any

DATABASE = "catalogue"

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
    "countries_by_travel_advice": {
        "title": "Countries by FCDO travel advice",
        "sql": "SELECT t.level, c.name AS country, t.as_of\n"
               "FROM travel_advice_data t JOIN countries c ON c.code = t.code\n"
               "ORDER BY t.level, c.name",
    },
}


def metadata(refreshed: str = "") -> dict[str, Any]:
    """The metadata document for Datasette (``refreshed``: when the copy was made)."""
    note = f" Copy made {refreshed}." if refreshed else ""
    return {
        "title": "Training catalogue: the public register",
        "description": "A read-only copy of the team's register holding only public fields "
                       "(core/disclosure.py). Requests, the audit trail and the trainer "
                       "roster are withheld and are not here." + note,
        "databases": {DATABASE: {
            "title": "Public register",
            "tables": _TABLES,
            "queries": _QUERIES,
        }},
    }


def canned_queries() -> list[str]:
    return list(_QUERIES)
