"""The tables of the web view's copy, and the check that each column may be shown.

Each :class:`Spec` is one table of the copy (:mod:`catalogue.core.publication` builds it):
its columns, key, row filter, declared foreign keys (so Datasette links rows) and audience.
:func:`check_columns` refuses a column its audience may not see, by the classes of
:mod:`catalogue.core.disclosure`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from catalogue.core.disclosure import COMPUTED, FIELDS, PUBLIC, WHEN_MARKED, for_team
from catalogue.core.errors import DatabaseError

PUBLIC_DISCIPLINES = ("SELECT id FROM disciplines WHERE sensitivity = 'public' AND id NOT IN "
                      "('counter-terrorism')")
#: The two audiences of the web view (core/disclosure.py explains them).
TEAM, AUDIENCES = "team", (PUBLIC, "team")


@dataclass(frozen=True)
class Spec:
    """One table of the public copy: its columns (name, SQL type), key and row filter."""

    name: str
    columns: tuple[tuple[str, str], ...]
    key: str  # the primary key ("": SQLite's rowid)
    where: str = ""
    references: dict[str, str] = field(default_factory=dict)
    #: Columns that are not text (numbers, flags): not in the text classification, so
    #: listed here on purpose.
    numbers: tuple[str, ...] = ()
    #: Who may see the table: public (every copy) or team (the team's copy only).
    audience: str = PUBLIC


def _t(*names: str) -> tuple[tuple[str, str], ...]:
    return tuple((n, "TEXT") for n in names)


def _n(*names: str) -> tuple[tuple[str, str], ...]:
    return tuple((n, "INTEGER") for n in names)


REFERENCE = (
    Spec("liaison_areas", (*_t("id", "name", "description"), *_n("position", "country_count")),
         "id", numbers=("position", "country_count")),
    Spec("levels", (*_t("id", "name"), *_n("rank")), "id", numbers=("rank",)),
    Spec("countries", (*_t("code", "alpha3", "numeric", "iso_name", "name", "official_name",
                           "listed_as", "kind", "administered_by", "uk_mission", "region",
                           "subregion", "intermediate", "m49", "liaison_area",
                           "liaison_area_name", "flag", "note"),
                       *_n("assisted", "hr_priority", "hr_priority_year")),
         "code", references={"liaison_area": "liaison_areas(id)"},
         numbers=("assisted", "hr_priority", "hr_priority_year")),
    Spec("principles", (*_t("id", "name", "summary"), *_n("position")), "id",
         numbers=("position",)),
    Spec("hr_priority_lists", (*_n("year"), *_t("published", "title"),
                               *_n("entry_count", "current")), "year",
         numbers=("year", "entry_count", "current")),
    Spec("hr_priority_entries", (*_n("year"), *_t("name", "code")), "",
         references={"year": "hr_priority_lists(year)", "code": "countries(code)"},
         numbers=("year",)),
    Spec("ethics", (*_n("edition"), *_t("edition_title", "kind", "id", "name", "summary"),
                    *_n("position")), "", numbers=("edition", "position")),
    Spec("disciplines", (*_t("id", "title", "description", "sensitivity"), *_n("position")),
         "id", where=f"id IN ({PUBLIC_DISCIPLINES})", numbers=("position",)),
    Spec("modules", (*_t("id", "discipline_id", "title", "summary"), ("hours", "REAL"),
                     *_t("level_from", "level_to"), *_n("level_rank"),
                     *_t("outcomes", "principles", "prerequisites", "sensitivity", "note"),
                     *_n("position")),
         "id", where=f"sensitivity = 'public' AND discipline_id IN ({PUBLIC_DISCIPLINES})",
         references={"discipline_id": "disciplines(id)", "level_from": "levels(id)",
                     "level_to": "levels(id)"},
         numbers=("hours", "level_rank", "position")),
    Spec("travel_advice_data", _t("code", "level", "as_of", "source"), "code",
         references={"code": "countries(code)"}),
    Spec("travel_advice", _t("code", "level", "as_of"), "code",
         references={"code": "countries(code)"}),
    Spec("workflow_targets", (*_t("state"), *_n("days"), *_t("basis")), "state",
         numbers=("days",)),
)

#: The programme tables, filled from the redacted export of each programme.
PROGRAMMES = Spec(
    "programmes",
    (*_n("id"), *_t("title", "country", "delivery_mode", "start_date", "end_date",
                    "audience_level"), *_n("cohort_size"), *_t("osja_grade", "notes",
                                                             "disciplines"),
     *_n("modules"), ("hours", "REAL"), *_n("withheld_modules")),
    "id", references={"country": "countries(code)", "audience_level": "levels(id)"},
    numbers=("id", "cohort_size", "modules", "hours", "withheld_modules"))
PROGRAMME_MODULES = Spec(
    "programme_modules",
    (*_n("programme_id", "position"), *_t("module_id"), ("hours", "REAL"), *_t("notes")),
    "programme_id, position",
    references={"programme_id": "programmes(id)", "module_id": "modules(id)"},
    numbers=("programme_id", "position", "hours"))
#: The team's tables: the request register's team fields, and each open request's OSJA
#: state as worked out when the copy was built.
REQUESTS = Spec(
    "requests",
    (*_n("id"), *_t("country", "state", "location", "disciplines"),
     *_n("withheld_disciplines"), *_t("received_on", "state_since"), *_n("programme_id")),
    "id", references={"country": "countries(code)", "programme_id": "programmes(id)"},
    numbers=("id", "withheld_disciplines", "programme_id"), audience=TEAM)
REQUEST_REVIEWS = Spec(
    "request_reviews",
    (*_n("request_id"), *_t("osja_state", "review_on", "changed", "worked_out_on")),
    "", references={"request_id": "requests(id)"}, numbers=("request_id",),
    audience=TEAM)  # no key of its own: Datasette then links request_id to the request
#: Columns the copy computes rather than copies, and the source field each one follows
#: (its class decides, as for a copied column).
DERIVED = {("programmes", "title"): ("programmes", "public_title"),
           ("programmes", "end_date"): ("programmes", "start_date"),
           ("programmes", "disciplines"): ("modules", "discipline_id"),
           ("requests", "received_on"): ("requests", "created_at"),
           ("requests", "state_since"): ("requests", "state_changed_at"),
           ("request_reviews", "review_on"): ("osja_assessments", "review_on")}
SPECS = (*REFERENCE, PROGRAMMES, PROGRAMME_MODULES, REQUESTS, REQUEST_REVIEWS)


def specs_for(audience: str) -> tuple[Spec, ...]:
    """The tables of the copy for ``audience`` (public: the public tables only)."""
    if audience not in AUDIENCES:
        raise DatabaseError(f"no audience {audience!r}: choose {' or '.join(AUDIENCES)}")
    return tuple(s for s in SPECS if audience == TEAM or s.audience == PUBLIC)


def check_columns(spec: Spec) -> None:
    """Refuse to publish a column that its table's audience may not see, or that is not
    listed as a number: a public table takes public fields (and public-when-marked ones,
    where its rows are filtered to the marked ones); a team table takes these and the
    fields marked ``team`` in core/disclosure.py."""
    for name, _type in spec.columns:
        if name in spec.numbers:
            continue
        table, column = DERIVED.get((spec.name, name), (spec.name, name))
        found = FIELDS.get(table, {}).get(column) or COMPUTED.get(table, {}).get(column)
        # Public-when-marked fields only in tables whose rows are the marked ones: filtered
        # (modules, disciplines) or made by the redacted export (the programme tables).
        marked = bool(spec.where) or spec.name in {PROGRAMMES.name, PROGRAMME_MODULES.name}
        allowed = found is not None and (
            found.cls == PUBLIC or (marked and found.cls == WHEN_MARKED)
            or (spec.audience == TEAM and for_team(found)))
        if not allowed:
            whom = "for the team" if spec.audience == TEAM else "public"
            raise DatabaseError(f"refusing to publish {spec.name}.{name}: it is not classified "
                                f"{whom} in core/disclosure.py")
