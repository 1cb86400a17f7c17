"""Every stored text field's disclosure class, in one place.

Each TEXT column of every user and reference table is listed here with

- its **class**: ``public`` (may appear in public material as it is), ``public-when-marked``
  (public only when the row it belongs to is marked public: a module or discipline whose
  ``sensitivity`` is public and whose discipline is not withheld, or a date whose delivery
  mode deploys nobody overseas) or ``withheld`` (never in public material);
- its **kind**: ``text`` (free text a person typed or a data file holds), ``list`` (a JSON list
  of such texts) or ``value`` (an id, code, date or a word from a fixed vocabulary);
- and a short reason.

Public (redacted) exports are built from these classes: withheld programme fields are left
out, and the values of every withheld field the export draws on (the programme, its linked
request, the country's travel advice) are scrubbed from any text that quotes them.

**Two audiences.** The class above is for *public* material: what may go to a partner force
or the public (redacted exports, the .ics feed). The team's read-only web view
(``catalogue publish``) has a second audience, the wider team behind the organisation's
sign-on: it shows every public field and, besides, the few withheld fields marked ``team``
below (a field's ``team`` says why the team may see it). Marking a field ``team`` never makes
it public: the exports read only ``cls``, so a request's country or state still never
reaches a partner. The team view marks what it needs to plan and chase the work (a
request's country, state, disciplines, delivery mode and dates received, an OSJA review
date) and nothing that names a person, quotes a case or its reasoning, or costs anything.
``COMPUTED`` classes the few columns the web view works out when it is built (they are
stored nowhere else).
``tests/test_disclosure.py`` fails when a table gains a TEXT column that is not listed here,
so a new field cannot reach public material unclassified.

Imported by the export path only; it imports nothing heavy.
"""

from __future__ import annotations

from typing import NamedTuple

PUBLIC = "public"
WHEN_MARKED = "public-when-marked"
WITHHELD = "withheld"
CLASSES = (PUBLIC, WHEN_MARKED, WITHHELD)

TEXT, LIST, VALUE = "text", "list", "value"
KINDS = (TEXT, LIST, VALUE)


class Field(NamedTuple):
    cls: str
    kind: str
    why: str
    #: Why the team's read-only web view may show this withheld field ("": it may not).
    team: str = ""


def _f(cls: str, kind: str, why: str, team: str = "") -> Field:
    return Field(cls, kind, why, team)


def for_team(field: Field) -> bool:
    """Whether the team's read-only web view may show the field: public, or marked team."""
    return field.cls == PUBLIC or bool(field.team)


_INTERNAL = "the tool's own bookkeeping"
_WHO_WHEN = "who did what when: internal"
_TRAINER = "the trainer roster: British staff deployed overseas"
_REQUEST = "requests are internal case records; none of their fields is published"
_OSJA = "OSJA assessment reasoning: sensitive, seldom published"
_PIPELINE = "the team plans and chases work by it; it names nobody and quotes nothing"

#: table -> column -> Field. Tables the tool creates, user tables first.
FIELDS: dict[str, dict[str, Field]] = {
    "programmes": {
        "title": _f(WITHHELD, TEXT, "typed freely, may name withheld content; public "
                                    "material uses public_title or a neutral title"),
        "public_title": _f(PUBLIC, TEXT, "the title chosen for public material"),
        "country": _f(PUBLIC, VALUE, "the country the programme is for"),
        "delivery_mode": _f(PUBLIC, VALUE, "UK, in the country, remote or blended"),
        "start_date": _f(WHEN_MARKED, VALUE, "exact dates only when no staff are deployed "
                                             "overseas (months otherwise)"),
        "audience_level": _f(PUBLIC, VALUE, "a rank from data/levels.toml"),
        "language_notes": _f(WITHHELD, TEXT, "interpreting and language arrangements name "
                                             "people and places of delivery"),
        "notes": _f(PUBLIC, TEXT, "the programme's description; text quoting withheld "
                                  "content is replaced"),
        "vulnerability_notes": _f(WITHHELD, TEXT, "gaps in the force's capability"),
        "commercial_terms": _f(WITHHELD, TEXT, "confidential to the partners"),
        "osja_grade": _f(PUBLIC, VALUE, "low, medium or high"),
        "created_at": _f(WITHHELD, VALUE, _INTERNAL),
        "updated_at": _f(WITHHELD, VALUE, _INTERNAL),
    },
    "programme_modules": {
        "module_id": _f(WHEN_MARKED, VALUE, "public when the module is"),
        "notes": _f(WHEN_MARKED, TEXT, "trainer notes follow their module's mark"),
    },
    "requests": {
        "requesting_body": _f(WITHHELD, TEXT, _REQUEST + " (names the force asking)"),
        "country": _f(WITHHELD, VALUE, _REQUEST, team=_PIPELINE + " (a country code)"),
        "disciplines": _f(WITHHELD, LIST, _REQUEST,
                          team=_PIPELINE + "; only disciplines marked public are shown, the "
                               "others are counted, as a programme's withheld modules are"),
        "modules": _f(WITHHELD, LIST, _REQUEST + " (may name confidential modules)"),
        "location": _f(WITHHELD, VALUE, _REQUEST,
                       team="UK, in the country or remote: as a programme's delivery mode, "
                            "which is public"),
        "audience": _f(WITHHELD, LIST, _REQUEST + " (unit tags may be typed freely)"),
        "start": _f(WITHHELD, VALUE, _REQUEST + " (when staff would be overseas)"),
        "end": _f(WITHHELD, VALUE, _REQUEST + " (when staff would be overseas)"),
        "delivered_by": _f(WITHHELD, VALUE, _REQUEST + " (a fixed list of deliverers)"),
        "notes": _f(WITHHELD, TEXT, _REQUEST),
        "funder": _f(WITHHELD, TEXT, "who pays: commercial terms, confidential to the partners"),
        "partners": _f(WITHHELD, TEXT, _REQUEST + " (partners may not wish to be named)"),
        "ethics_concerns": _f(WITHHELD, LIST, "allegations about named units"),
        "state": _f(WITHHELD, VALUE, _REQUEST, team=_PIPELINE + " (a workflow state)"),
        "ipab_reference": _f(WITHHELD, TEXT, _REQUEST),
        "jiph_reference": _f(WITHHELD, TEXT, _REQUEST),
        "osja_grade": _f(WITHHELD, VALUE, _REQUEST + " (legacy local-practice grade)"),
        "osja_computed_grade": _f(WITHHELD, VALUE, _REQUEST + " (legacy points score)"),
        "host_country": _f(WITHHELD, VALUE, _REQUEST + " (where EU work takes place)"),
        "mission": _f(WITHHELD, TEXT, _REQUEST),
        "authoriser": _f(WITHHELD, TEXT, "a named official"),
        "authoriser_level": _f(WITHHELD, VALUE, _REQUEST),
        "s26_reference": _f(WITHHELD, TEXT, _REQUEST),
        "decline_signal": _f(WITHHELD, VALUE, _REQUEST + " (why it was declined)"),
        "created_at": _f(WITHHELD, VALUE, _WHO_WHEN,
                         team=_PIPELINE + " (the day it was received: its age)"),
        "created_by": _f(WITHHELD, TEXT, _WHO_WHEN),
        "updated_at": _f(WITHHELD, VALUE, _WHO_WHEN),
        "state_changed_at": _f(WITHHELD, VALUE, _WHO_WHEN,
                               team=_PIPELINE + " (the day it reached its state)"),
        "audit_head": _f(WITHHELD, VALUE, "the audit trail's hash chain"),
    },
    "request_events": {
        "at": _f(WITHHELD, VALUE, _WHO_WHEN),
        "by": _f(WITHHELD, TEXT, _WHO_WHEN),
        "action": _f(WITHHELD, VALUE, _WHO_WHEN),
        "from_state": _f(WITHHELD, VALUE, _WHO_WHEN),
        "to_state": _f(WITHHELD, VALUE, _WHO_WHEN),
        "note": _f(WITHHELD, TEXT, _WHO_WHEN),
        "details": _f(WITHHELD, TEXT, _WHO_WHEN),
        "login": _f(WITHHELD, VALUE, _WHO_WHEN + " (the OS account that made the change)"),
        "signed_in": _f(WITHHELD, TEXT, _WHO_WHEN + " (the user the sign-on proxy named)"),
        "prev_hash": _f(WITHHELD, VALUE, "the audit trail's hash chain"),
        "hash": _f(WITHHELD, VALUE, "the audit trail's hash chain"),
    },
    # OSJA records (core/osja): the assessment's reasoning is sensitive and rarely published
    # (2017 foreword); answers, notes, mitigations and consultees are withheld.
    "osja_assessments": {
        **{c: _f(WITHHELD, TEXT, _OSJA) for c in (
            "author", "stage1_reference", "mitigations", "decided_reason", "below_reason")},
        "consulted": _f(WITHHELD, LIST, _OSJA + " (who was consulted, and when)"),
        "suggested_reasons": _f(WITHHELD, LIST, _OSJA + " (quotes the request's scope)"),
        "facts": _f(WITHHELD, TEXT, _OSJA + " (the facts relied on, with the request's scope)"),
        "edition_title": _f(PUBLIC, TEXT, "the published guidance's title"),
        **{c: _f(WITHHELD, VALUE, _OSJA) for c in (
            "recorded_at", "assessed_on", "edition", "stage1_date", "serious_risk", "ihl",
            "decided_level", "suggested_level")},
        "review_on": _f(WITHHELD, VALUE, _OSJA,
                        team="the day the assessment is due for review: a date, none of its "
                             "reasoning or level"),
    },
    "osja_answers": {
        "question_id": _f(WITHHELD, VALUE, _OSJA),
        "question": _f(PUBLIC, TEXT, "the prompt's wording from data/osja-questions.toml"),
        "answer": _f(WITHHELD, VALUE, _OSJA),
        "note": _f(WITHHELD, TEXT, _OSJA),
    },
    "osja_incidents": {
        "code": _f(PUBLIC, VALUE, "a country code"),
        "occurred_on": _f(WITHHELD, VALUE, "the organisation's own incident register"),
        "note": _f(WITHHELD, TEXT, "the organisation's own account of an incident"),
        "recorded_by": _f(WITHHELD, TEXT, _WHO_WHEN),
        "recorded_at": _f(WITHHELD, VALUE, _WHO_WHEN),
    },
    "conflict_register": {
        "code": _f(PUBLIC, VALUE, "a country code"),
        "part": _f(WITHHELD, TEXT, "the organisation's own judgement of where"),
        "as_of": _f(WITHHELD, VALUE, "the organisation's own register"),
        "note": _f(WITHHELD, TEXT, "the organisation's own note"),
        "set_by": _f(WITHHELD, TEXT, _WHO_WHEN),
        "set_at": _f(WITHHELD, VALUE, _WHO_WHEN),
    },
    "travel_advice": {
        "code": _f(PUBLIC, VALUE, "a country code"),
        "level": _f(PUBLIC, VALUE, "the FCDO's published level"),
        "part": _f(WITHHELD, TEXT, "with in-country delivery it points at where staff go"),
        "as_of": _f(PUBLIC, VALUE, "the date of the advice"),
        "note": _f(WITHHELD, TEXT, "the user's own note"),
        "set_by": _f(WITHHELD, TEXT, _WHO_WHEN),
        "set_at": _f(WITHHELD, VALUE, _WHO_WHEN),
    },
    "_meta": {"key": _f(WITHHELD, VALUE, _INTERNAL), "value": _f(WITHHELD, TEXT, _INTERNAL)},
    "_sqlite_migrations": {
        "migration_set": _f(WITHHELD, VALUE, _INTERNAL),
        "name": _f(WITHHELD, VALUE, _INTERNAL),
        "applied_at": _f(WITHHELD, VALUE, _INTERNAL),
    },
    # Reference tables, rebuilt from data/.
    "countries": {
        **{c: _f(PUBLIC, VALUE, "ISO 3166 / UN M49 / data/") for c in (
            "code", "alpha3", "numeric", "kind", "administered_by", "region", "subregion",
            "intermediate", "m49", "liaison_area", "flag")},
        **{c: _f(PUBLIC, TEXT, "published names and descriptions") for c in (
            "iso_name", "name", "official_name", "listed_as", "uk_mission",
            "liaison_area_name", "note")},
    },
    "country_names": {c: _f(PUBLIC, VALUE, "names and aliases from data/")
                      for c in ("key", "code", "name", "source")},
    "country_search": {"code": _f(PUBLIC, VALUE, "search index"),
                       "names": _f(PUBLIC, TEXT, "search index")},
    "liaison_areas": {"id": _f(PUBLIC, VALUE, "data/"), "name": _f(PUBLIC, TEXT, "data/"),
                      "description": _f(PUBLIC, TEXT, "data/"),
                      "basis": _f(PUBLIC, TEXT, "data/")},
    "sensitivity_levels": {
        c: _f(PUBLIC, VALUE if c in ("id", "marking", "source_updated", "source_in_force_since",
                                     "source_url") else TEXT,
              "data/sensitivity.toml: the scheme and its published source")
        for c in ("id", "label", "meaning", "marking", "why", "scheme", "scheme_note",
                  "source_title", "source_publisher", "source_updated", "source_in_force_since",
                  "source_url")},
    "hr_priority_lists": {"published": _f(PUBLIC, VALUE, "the FCDO's published list"),
                          "title": _f(PUBLIC, TEXT, "the FCDO's published list")},
    "hr_priority_entries": {"name": _f(PUBLIC, TEXT, "the FCDO's published list"),
                            "code": _f(PUBLIC, VALUE, "the FCDO's published list")},
    "levels": {"id": _f(PUBLIC, VALUE, "data/levels.toml"),
               "name": _f(PUBLIC, TEXT, "data/levels.toml")},
    "principles": {"id": _f(PUBLIC, VALUE, "Stabilisation Unit principles"),
                   "name": _f(PUBLIC, TEXT, "Stabilisation Unit principles"),
                   "summary": _f(PUBLIC, TEXT, "Stabilisation Unit principles")},
    "ethics": {c: _f(PUBLIC, VALUE if c in ("kind", "id") else TEXT,
                     "the published Code of Ethics")
               for c in ("edition_title", "kind", "id", "name", "summary", "edition_summary",
                         "edition_source")},
    "disciplines": {
        "id": _f(WHEN_MARKED, VALUE, "public when the discipline is"),
        "title": _f(WHEN_MARKED, TEXT, "public when the discipline's sensitivity is public "
                                       "and it is not counter-terrorism"),
        "description": _f(WHEN_MARKED, TEXT, "as the title"),
        "sensitivity": _f(PUBLIC, VALUE, "the mark itself"),
        "sensitivity_basis": _f(WHEN_MARKED, TEXT, "as the title (it can name what is "
                                                   "withheld)"),
        "standard_basis": _f(WHEN_MARKED, TEXT, "as the title"),
    },
    "modules": {
        **{c: _f(WHEN_MARKED, VALUE, "public when the module is") for c in (
            "id", "discipline_id", "level_from", "level_to", "principles", "prerequisites")},
        **{c: _f(WHEN_MARKED, TEXT, "public when the module's sensitivity is public and "
                                    "its discipline is not withheld")
           for c in ("title", "summary", "note", "sensitivity_basis")},
        "outcomes": _f(WHEN_MARKED, LIST, "as the title"),
        "sensitivity": _f(PUBLIC, VALUE, "the mark itself"),
    },
    # Trainers (core/trainers): the roster is about people who deploy overseas; nothing of
    # it is published. Cohort numbers are numbers (not text); ranks and Kirkpatrick levels
    # and the evaluation method are public, notes and unit names are not.
    "trainers": {
        "name": _f(WITHHELD, TEXT, _TRAINER),
        "kind": _f(WITHHELD, VALUE, _TRAINER + " (serving officers point at a force)"),
        "force": _f(WITHHELD, TEXT, _TRAINER),
        "languages": _f(WITHHELD, LIST, _TRAINER),
        "notes": _f(WITHHELD, TEXT, _TRAINER),
        "created_at": _f(WITHHELD, VALUE, _INTERNAL),
        "updated_at": _f(WITHHELD, VALUE, _INTERNAL),
    },
    "trainer_subjects": {c: _f(WITHHELD, TEXT if c == "reference" else VALUE, _TRAINER)
                         for c in ("kind", "subject", "accredited_on", "expires_on",
                                   "reference")},
    "trainer_unavailable": {
        "start": _f(WITHHELD, VALUE, _TRAINER), "end": _f(WITHHELD, VALUE, _TRAINER),
        "reason": _f(WITHHELD, TEXT, _TRAINER + " (may be personal)"),
    },
    "trainer_assignments": {
        "role": _f(WITHHELD, VALUE, _TRAINER),
        "assigned_at": _f(WITHHELD, VALUE, _WHO_WHEN),
        "assigned_by": _f(WITHHELD, TEXT, _WHO_WHEN),
    },
    "delivery_cohorts": {
        "rank": _f(PUBLIC, VALUE, "a rank from data/levels.toml"),
        "unit": _f(WITHHELD, TEXT, "names the force's units: force structure"),
        "recorded_at": _f(WITHHELD, VALUE, _WHO_WHEN),
        "recorded_by": _f(WITHHELD, TEXT, _WHO_WHEN),
    },
    "delivery_results": {"recorded_at": _f(WITHHELD, VALUE, _WHO_WHEN),
                         "recorded_by": _f(WITHHELD, TEXT, _WHO_WHEN)},
    "delivery_evaluations": {
        "level": _f(PUBLIC, VALUE, "a Kirkpatrick level"),
        "method": _f(PUBLIC, TEXT, "how the score was measured"),
        "notes": _f(WITHHELD, TEXT, "what the evaluation found may expose the force's "
                                    "weaknesses"),
        "recorded_at": _f(WITHHELD, VALUE, _WHO_WHEN),
        "recorded_by": _f(WITHHELD, TEXT, _WHO_WHEN),
    },
    "delivery_spans": {
        "start": _f(WHEN_MARKED, VALUE, "a delivery's dates: exact only when no staff are "
                                        "deployed overseas (as the programme's start date)"),
        "end": _f(WHEN_MARKED, VALUE, "as the start"),
    },
    "trainer_events": {
        "at": _f(WITHHELD, VALUE, _WHO_WHEN), "by": _f(WITHHELD, TEXT, _WHO_WHEN),
        "action": _f(WITHHELD, VALUE, _WHO_WHEN), "details": _f(WITHHELD, TEXT, _WHO_WHEN),
        "login": _f(WITHHELD, VALUE, _WHO_WHEN + " (the OS account that made the change)"),
        "signed_in": _f(WITHHELD, TEXT, _WHO_WHEN + " (the user the sign-on proxy named)"),
    },
    "policy": {"key": _f(PUBLIC, VALUE, "data/approval-policy.toml"),
               "value": _f(PUBLIC, TEXT, "flag wording shown with every assessment")},
    "travel_advice_data": {
        "code": _f(PUBLIC, VALUE, "a country code"),
        "level": _f(PUBLIC, VALUE, "the FCDO's published level"),
        "part": _f(WITHHELD, TEXT, "with in-country delivery it points at where staff go"),
        "as_of": _f(PUBLIC, VALUE, "the date of the advice"),
        "source": _f(PUBLIC, TEXT, "where the advice was read"),
        "note": _f(WITHHELD, TEXT, "the organisation's own note"),
    },
    "death_penalty": {
        **{c: _f(PUBLIC, VALUE, "Amnesty International's published categories") for c in (
            "code", "status", "as_of")},
        **{c: _f(PUBLIC, TEXT, "data/death-penalty-status.csv") for c in (
            "name", "source", "note")},
    },
    "sanctions_regimes": {
        **{c: _f(PUBLIC, VALUE, "the UK's published sanctions regimes") for c in (
            "code", "kind", "as_of")},
        **{c: _f(PUBLIC, TEXT, "data/uk-sanctions-regimes.csv") for c in ("regime", "source")},
    },
    "osja": {"key": _f(PUBLIC, VALUE, "data/osja-questions.toml"),
             "value": _f(PUBLIC, TEXT, "the OSJA question set and its guidance edition")},
    "costing": {"key": _f(WITHHELD, VALUE, "rates are commercial"),
                "value": _f(WITHHELD, TEXT, "rates are commercial")},
    "iati_settings": {"key": _f(PUBLIC, VALUE, "data/iati.toml and data/dac-sectors.toml"),
                      "value": _f(PUBLIC, TEXT, "what IATI files publish: the organisation's "
                                                "identifier and its code choices")},
    "ipab_form": {"key": _f(PUBLIC, VALUE, "data/ipab-form.toml"),
                  "value": _f(PUBLIC, TEXT, "data/ipab-form.toml: the submission's field list")},
    "map_views": {"name": _f(PUBLIC, VALUE, "a region's name, data/map-views.toml")},
    "workflow_targets": {"state": _f(PUBLIC, VALUE, "a workflow state"),
                         "basis": _f(PUBLIC, TEXT, "whose practice the targets are, "
                                                   "data/workflow-targets.toml")},
}

#: Columns the team's web view works out when it is built (core/publication.py), stored
#: nowhere else: table -> column -> Field, classed as a stored field would be.
COMPUTED: dict[str, dict[str, Field]] = {
    "request_reviews": {
        "osja_state": _f(WITHHELD, VALUE, _OSJA,
                         team="whether the assessment is current or needs redoing (none, "
                              "current, reassess, legacy; unknown when the record cannot be "
                              "read): the team must chase it"),
        "changed": _f(WITHHELD, LIST, _OSJA + " (which kinds of fact changed)",
                      team="the labels of the kinds of fact that changed (e.g. 'FCDO travel "
                           "advice', 'Review date'), never their values"),
        "worked_out_on": _f(PUBLIC, VALUE, "the day the copy worked the states out"),
    },
}


#: The rules engine's flag facts (placeholders of data/approval-policy.toml) and their class:
#: a public flag keeps its explanation only when every fact it uses is public.
FLAG_FACTS: dict[str, str] = {
    "country": PUBLIC, "code": PUBLIC, "kind": PUBLIC, "approver": PUBLIC,
    "mission": PUBLIC, "mission_note": PUBLIC, "label": PUBLIC, "days": PUBLIC,
    # the suggested level's reasons quote rule texts, some of which use withheld facts
    "reasons": WITHHELD,
    # placeholders of the [[suggest]] rules (and data/osja-questions.toml)
    "facts_country": PUBLIC, "dp_status": PUBLIC, "dp_as_of": PUBLIC, "dp_source": PUBLIC,
    "regimes": PUBLIC, "sanctions_as_of": PUBLIC, "conflict_as_of": WITHHELD,
    "conflict_part": WITHHELD, "incident_on": WITHHELD, "incident_note": WITHHELD,
    "advice": WITHHELD, "advice_as_of": PUBLIC, "disciplines": WITHHELD,
    "mission_basis": PUBLIC,
    "level": PUBLIC, "as_of": PUBLIC, "origin": PUBLIC, "count": PUBLIC,
    "hr_year": PUBLIC, "hr_title": PUBLIC, "sensitivity": PUBLIC,
    "part": WITHHELD, "concerns": WITHHELD, "deliverers": WITHHELD, "unknown": WITHHELD,
    "units": WITHHELD, "matched": WITHHELD, "items": WITHHELD,
}


#: What a [[suggest]] rule's condition reveals when the rule is named as having fired: a reason
#: for the suggested level names its rule in a public version only when every condition of
#: the rule is public here (and every placeholder of its text in FLAG_FACTS). "kind:" entries
#: stand for every condition of that kind (discipline:ID, sensitivity:LEVEL, audience:TAG).
CONDITION_FACTS: dict[str, str] = {
    "always": PUBLIC, "in-country": PUBLIC, "hr-priority": PUBLIC, "death-penalty": PUBLIC,
    "sanctions": PUBLIC, "sensitivity:": PUBLIC,
    # the conflict and incident registers, travel advice, the audience and who delivers are
    # withheld facts (FLAG_FACTS); so are the disciplines and the OSJA assessment's judgement
    "conflict": WITHHELD, "incident": WITHHELD, "travel-advice": WITHHELD,
    "coercive-audience": WITHHELD, "serving-officers": WITHHELD, "audience:": WITHHELD,
    "discipline:": WITHHELD, "judged:serious-risk": WITHHELD, "judged:ihl": WITHHELD,
}


def condition_class(condition: str) -> str:
    """The class of what ``condition`` reveals; withheld when it has none."""
    kind, colon, _ = condition.partition(":")
    return CONDITION_FACTS.get(condition, CONDITION_FACTS.get(kind + colon, WITHHELD))


def field(table: str, column: str) -> Field:
    """The class of one stored field; KeyError when it has none (a test stops that)."""
    return FIELDS[table][column]


def columns_of(table: str, cls: str) -> tuple[str, ...]:
    """The columns of ``table`` in class ``cls``."""
    return tuple(name for name, f in FIELDS.get(table, {}).items() if f.cls == cls)


def withheld_facts(facts: dict[str, object]) -> bool:
    """Whether a flag's facts include a withheld (or unclassified) value that is not empty."""
    return any(value not in (None, "", [], 0) and FLAG_FACTS.get(key, WITHHELD) != PUBLIC
               for key, value in facts.items())
