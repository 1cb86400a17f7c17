"""The recorded facts an IPAB submission draft can show, one per ``source`` of
data/ipab-form.toml: each is a :class:`Fact` (its text, an optional table, and whether it is
missing). Nothing is guessed: a fact with nothing recorded is missing, and says so."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from catalogue.core.requests.model import Request
from catalogue.core.rules.scope import DELIVERERS, LOCATIONS
from catalogue.core.store import Store

if TYPE_CHECKING:
    from catalogue.core.programmes.outline import ProgrammeOutline
    from catalogue.core.requests.overview import RequestOverview


@dataclass(frozen=True)
class Fact:
    text: str | None  # None: nothing recorded
    headings: tuple[str, ...] = ()  # a table under the text (modules, cost lines)
    rows: tuple[tuple[str, ...], ...] = ()
    incomplete: bool = False  # recorded in part (a start without an end, a stale OSJA)
    note: str | None = None  # said beside a missing fact (what the hint cannot know)


@dataclass
class Sources:
    """What the facts are read from: the request, its overview, its linked programme."""

    request: Request
    overview: RequestOverview
    policy: dict[str, Any]
    outline: ProgrammeOutline | None  # the linked programme's outline, if any
    levels: dict[str, str]  # rank id -> name
    disciplines: dict[str, dict[str, Any]]  # id -> row (title, sensitivity)
    library: dict[str, dict[str, Any]]  # module id -> row (the request's own modules)
    country: dict[str, Any]  # the country's row (for the mission to consult)
    reasons: dict[str, dict[str, str]] = field(default_factory=dict)  # disclosure categories


def load_sources(store: Store, request_id: int) -> Sources:
    from catalogue.core.exports.redaction import disclosure_reasons
    from catalogue.core.programmes.outline import build_outline
    from catalogue.core.requests.overview import request_overview
    from catalogue.core.requests.register import get_request
    from catalogue.core.rules.stored import stored_policy

    request = get_request(store, request_id)
    overview = request_overview(store, request_id)
    outline = None
    if request.programme_id is not None and store.one(
            "SELECT 1 FROM programmes WHERE id = ?", (request.programme_id,)) is not None:
        outline = build_outline(store, request.programme_id)
    library = {}
    if request.modules:
        marks = ",".join("?" * len(request.modules))
        library = {r["id"]: dict(r) for r in store.query(
            f"SELECT id, title, hours, sensitivity, discipline_id FROM modules WHERE id IN "
            f"({marks})", request.modules)}
    return Sources(
        request=request, overview=overview, policy=stored_policy(store), outline=outline,
        levels={r["id"]: r["name"] for r in store.query("SELECT id, name FROM levels")},
        disciplines={r["id"]: dict(r) for r in store.query(
            "SELECT id, title, sensitivity FROM disciplines")},
        library=library, reasons=disclosure_reasons(store),
        country=dict(store.one("SELECT * FROM countries WHERE code = ?", (request.country,))
                     or {}))


def _join(items: list[str]) -> str | None:
    return ", ".join(items) if items else None


def _number(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def content_levels(src: Sources) -> list[str]:
    """The local sensitivity of everything the draft describes: the request's disciplines
    and modules and the linked programme's modules (unknown ones count as the highest)."""
    levels = [src.disciplines.get(d, {}).get("sensitivity", "confidential")
              for d in src.request.disciplines]
    levels += [src.library.get(m, {}).get("sensitivity", "confidential")
               for m in src.request.modules]
    if src.outline:
        levels += [m["sensitivity"] for m in src.outline["modules"]]
    return levels


def fact(src: Sources, source: str) -> Fact:
    """The fact behind one field of the form."""
    return _FACTS[source](src)


def _country(src: Sources) -> Fact:
    r = src.request
    text = f"{r.country_name or r.country} ({r.country})"
    if r.host_country:
        text += f"; in-country work takes place in {r.host_country}"
    return Fact(text)


def _dates(src: Sources) -> Fact:
    r = src.request
    if r.start is None:
        return Fact(None)
    if r.end is None:
        return Fact(f"from {r.start.isoformat()} (end date not recorded)", incomplete=True)
    return Fact(f"{r.start.isoformat()} to {r.end.isoformat()}")


def _programme_text(src: Sources, key: str) -> Fact:
    if src.outline is None:
        return Fact(None, note="no programme outline is linked to the request")
    text = (src.outline["programme"].get(key) or "").strip()
    return Fact(text or None)


def _modules(src: Sources) -> Fact:
    headings = ("#", "Module", "Discipline", "Hours")
    if src.outline and src.outline["modules"]:
        from catalogue.core.exports.wording import module_row

        shown = tuple((row[0], row[1], row[2], row[4])
                      for row in (module_row(m) for m in src.outline["modules"]))
        return Fact(f"from programme outline {src.outline['programme']['id']}", headings, shown)
    if src.request.modules:
        rows: list[tuple[str, ...]] = []
        for position, ident in enumerate(src.request.modules, start=1):
            module = src.library.get(ident)
            if module is None:
                rows.append((str(position), ident, "not in the library", ""))
                continue
            discipline = src.disciplines.get(module["discipline_id"], {}).get("title", "")
            rows.append((str(position), f"{module['title']} ({ident})", discipline,
                         _number(module["hours"])))
        return Fact("from the request (library hours)", headings, tuple(rows))
    return Fact(None)


def _total_hours(src: Sources) -> Fact:
    if src.outline and src.outline["modules"]:
        from catalogue.core.exports.wording import totals_sentence

        return Fact(totals_sentence(src.outline["totals"]))
    hours = [m["hours"] for m in src.library.values() if m.get("hours") is not None]
    if not hours:
        return Fact(None)
    return Fact(f"{_number(sum(hours))} hours in {len(hours)} modules (library hours)")


def _ranks(src: Sources) -> Fact:
    return Fact(_join([src.levels[a] for a in src.request.audience if a in src.levels]))


def _units(src: Sources) -> Fact:
    """The audience's unit tags, by their labels in the approval policy."""
    labels = {u["id"]: u["label"] for u in src.policy.get("units", [])}
    return Fact(_join([labels.get(a, a) for a in src.request.audience if a not in src.levels]))


def _numbers(src: Sources) -> Fact:
    if src.request.cohort:
        return Fact(f"{src.request.cohort} people")
    size = src.outline["programme"].get("cohort_size") if src.outline else None
    return Fact(f"{size} people (the programme's cohort)" if size else None)


def _delivered_by(src: Sources) -> Fact:
    text = _join([DELIVERERS.get(d, d) for d in src.request.delivered_by])
    trainers = src.outline["programme"].get("trainers") if src.outline else None
    if text and trainers:
        text += f" ({trainers} trainers planned in the programme)"
    return Fact(text)


def _costs(src: Sources) -> Fact:
    costing = src.outline.get("costing") if src.outline else None
    if not costing:
        return Fact(None)
    from catalogue.core.exports.wording import money

    rows = tuple((line["item"], line["basis"], _number(line["amount"]))
                 for line in costing["lines"])
    return Fact(f"{money(costing['total'], costing['currency'])} (estimate; rates: "
                f"{costing['rates_source']})", ("Item", "Basis", f"Estimate ({costing['currency']})"),
                rows)


def _mission(src: Sources) -> Fact:
    if src.request.mission:
        return Fact(src.request.mission)
    from catalogue.core.rules.baseline import mission_for, split_mission

    name = split_mission(mission_for(src.policy, src.country))[0] if src.country else ""
    return Fact(None, note=f"not yet consulted; the mission to consult: {name}" if name else None)


def _osja_status(src: Sources) -> Fact:
    osja = src.overview["osja"]
    latest = osja.get("latest")
    if osja.get("state") in (None, "none"):
        return Fact(None)
    if latest is None:
        return Fact(osja["label"], incomplete=True)
    text = (f"{osja['label']}: version {latest['version']}, assessed {latest['assessed_on']} "
            f"by {latest['author']} ({latest['edition']}); review by {latest['review_on']}")
    return Fact(text, incomplete=osja["state"] != "current")


def _osja_level(src: Sources) -> Fact:
    needed = src.overview["required_approver"]
    latest = src.overview["osja"].get("latest")
    if latest is None:
        return Fact(None, note=f"not decided yet; the suggested minimum (local practice) is "
                               f"{needed['title']}")
    return Fact(f"{needed['title']} ({needed['from']})")


def _disclosure(src: Sources) -> Fact:
    r = src.request
    reasons = src.reasons
    lines = ["An internal record: none of a request's fields is published "
             "(core/disclosure.py); send this draft to JIPH only."]
    confidential = [d for d in r.disciplines
                    if src.disciplines.get(d, {}).get("sensitivity") == "confidential"]
    confidential += [m for m in r.modules
                     if src.library.get(m, {}).get("sensitivity") == "confidential"]
    if confidential or (src.outline and any(m["sensitivity"] == "confidential"
                                            for m in src.outline["modules"])):
        lines.append("Confidential content (for example links to counter-terrorism) is left "
                     "out of any public version: " + reasons["confidential-content"]["reason"])
    if r.location == "in-country":
        lines.append("Exact dates and places of in-country delivery are withheld from public "
                     "material: " + reasons["deployed-staff"]["reason"])
    if r.funder or (src.outline and src.outline.get("costing")):
        lines.append("Costs and who pays are withheld: " + reasons["commercial-terms"]["reason"])
    if r.ethics_concerns:
        lines.append(f"Ethics concerns recorded ({len(r.ethics_concerns)}): allegations about "
                     "named units, withheld.")
    return Fact(" ".join(line if line.endswith(".") else line + "." for line in lines))


def _text(attr: str) -> Any:
    return lambda src: Fact((getattr(src.request, attr) or "").strip() or None)


_FACTS = {
    "requesting_body": _text("requesting_body"),
    "units": _units,
    "country": _country,
    "location": lambda src: Fact(LOCATIONS.get(src.request.location, src.request.location)),
    "dates": _dates,
    "course_title": lambda src: _programme_text(src, "title"),
    "purpose": lambda src: _programme_text(src, "notes"),
    "disciplines": lambda src: Fact(_join([src.disciplines.get(d, {}).get("title", d)
                                           for d in src.request.disciplines])),
    "modules": _modules,
    "total_hours": _total_hours,
    "ranks": _ranks,
    "numbers": _numbers,
    "delivered_by": _delivered_by,
    "s26": _text("s26_reference"),
    "partners": _text("partners"),
    "costs": _costs,
    "funder": _text("funder"),
    "mission": _mission,
    "osja_status": _osja_status,
    "osja_level": _osja_level,
    "ipab_reference": _text("ipab_reference"),
    "jiph_reference": _text("jiph_reference"),
    "disclosure": _disclosure,
}
