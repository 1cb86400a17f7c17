"""What the map colours each country by: a measure, its categories, and the dates behind it.

Every measure comes from the store (the country table, the request register, the dated
human-rights list, the travel-advice register); a count is split into ranges from the data
itself. Dated facts carry their date in ``notes`` and in each country's ``values`` text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from catalogue.core.errors import InvalidInputError
from catalogue.core.names import fold
from catalogue.core.store import Store

#: shade id -> what the legend calls it
SHADES = {
    "assisted": "Countries assisted",
    "region": "UN M49 region",
    "requests": "Open requests",
    "delivered": "Programmes delivered",
    "priority": "Human-rights priority",
    "advice": "Travel advice",
}
NO_DATA = "#6b7280"
COUNT_COLOURS = ("#fde08b", "#f4a259", "#e05d44", "#a4243b")
REGION_COLOURS = ("#e5a50a", "#2ec27e", "#e01b24", "#3584e4", "#9141ac", "#63452c")
ADVICE = (("against-all", "Against all travel", "#c01c28"),
          ("against-all-but-essential", "Against all but essential travel", "#e66100"),
          ("part", "Against travel to part of the country", "#f6d32d"),
          ("none", "No advice against travel", "#2ec27e"))


@dataclass(frozen=True)
class Category:
    label: str
    colour: str  # "#rrggbb"
    count: int = 0  # countries in it (within the region shown)


@dataclass(frozen=True)
class Shading:
    shade: str
    title: str
    categories: tuple[Category, ...]
    classes: dict[str, int]  # alpha-2 -> index into categories
    values: dict[str, str] = field(default_factory=dict)  # alpha-2 -> what it says there
    notes: tuple[str, ...] = ()  # sources and their dates


def parse_shade(text: str) -> str:
    wanted = fold(text).replace(" ", "-")
    for shade, label in SHADES.items():
        if wanted in (shade, fold(label).replace(" ", "-")) or (wanted == "programmes"
                                                                 and shade == "delivered"):
            return shade
    raise InvalidInputError(f"unknown shade {text!r}; choose one of: {', '.join(SHADES)}")


def shade(store: Store, kind: str, codes: frozenset[str] | None = None, *,
          discipline: str | None = None, since: date | None = None) -> Shading:
    """The shading ``kind`` (see SHADES), counted over ``codes`` (None: every country)."""
    kind = parse_shade(kind)
    countries = {r["code"]: dict(r) for r in store.query(
        "SELECT code, name, region, assisted, hr_priority, hr_priority_year FROM countries")}
    if kind in {"requests", "delivered"}:
        return _counts(store, kind, countries, codes, discipline, since)
    if discipline or since:
        raise InvalidInputError("a discipline or a period applies to the requests and "
                                "delivered shades only", fields=("discipline", "since"))
    if kind == "advice":
        return _advice(store, countries, codes)
    if kind == "region":
        names = sorted({c["region"] for c in countries.values() if c["region"]})
        labels = [(n, REGION_COLOURS[i % len(REGION_COLOURS)]) for i, n in enumerate(names)]
        classes = {code: names.index(c["region"]) for code, c in countries.items() if c["region"]}
        return _made(kind, SHADES[kind], labels, classes, codes, {})
    notes: tuple[str, ...] = ()
    if kind == "priority":
        listed = store.one("SELECT year, published, title FROM hr_priority_lists "
                           "ORDER BY year DESC LIMIT 1")
        when = f"{listed['year']} list, published {listed['published']}" if listed else "no list"
        labels = [(f"Priority country ({when})", "#c01c28"), ("Not on the list", NO_DATA)]
        classes = {code: 0 if c["hr_priority"] else 1 for code, c in countries.items()}
        own = {r[0] for r in store.query("SELECT code FROM hr_priority_entries WHERE year = ?",
                                         (listed["year"] if listed else None,))}
        values = {code: f"on the FCDO human-rights priority list ({when})"
                  + ("" if code in own else ", under the entry of its administering state")
                  for code, c in countries.items() if c["hr_priority"]}
        notes = (f"{listed['title']} ({when})",) if listed else ()
        return _made(kind, SHADES[kind], labels, classes, codes, values, notes)
    labels = [("Assisted", "#3584e4"), ("Not assisted", NO_DATA)]
    classes = {code: 0 if c["assisted"] else 1 for code, c in countries.items()}
    return _made(kind, SHADES[kind], labels, classes, codes, {})


def _made(kind: str, title: str, labels: list[tuple[str, str]], classes: dict[str, int],
          codes: frozenset[str] | None, values: dict[str, str],
          notes: tuple[str, ...] = ()) -> Shading:
    counts = [0] * len(labels)
    for code, index in classes.items():
        if codes is None or code in codes:
            counts[index] += 1
    categories = tuple(Category(label, colour, n)
                       for (label, colour), n in zip(labels, counts, strict=True))
    return Shading(kind, title, categories, classes, values, notes)


def ranges(values: list[int]) -> list[tuple[int, int]]:
    """Up to four ranges splitting the non-zero counts at their quartiles."""
    found = sorted(v for v in values if v > 0)
    if not found:
        return []
    cuts = sorted({found[min(len(found) - 1, len(found) * q // 4)] for q in (1, 2, 3)})
    cuts = [c for c in cuts if c < found[-1]] + [found[-1]]
    result, low = [], 1
    for cut in cuts:
        if cut >= low:
            result.append((low, cut))
            low = cut + 1
    return result


def _counts(store: Store, kind: str, countries: dict[str, Any], codes: frozenset[str] | None,
            discipline: str | None, since: date | None) -> Shading:
    from catalogue.core.activity import request_counts
    from catalogue.core.requests.states import TERMINAL

    counts = request_counts(store, delivered=kind == "delivered", discipline=discipline,
                            since=since)
    inside = [n for code, n in counts.items() if codes is None or code in codes]
    spans = ranges(inside)
    labels = [("None", NO_DATA)] + [(f"{lo:,}" if lo == hi else f"{lo:,}–{hi:,}", colour)
                                    for (lo, hi), colour in zip(spans, COUNT_COLOURS,
                                                                 strict=False)]
    classes = {code: next((i + 1 for i, (_, hi) in enumerate(spans) if n <= hi), 0)
               for code, n in counts.items()}
    classes.update({code: 0 for code in countries if code not in counts})
    noun = "open request" if kind == "requests" else "request delivered"
    values = {code: f"{n:,} {noun}{'' if n == 1 else 's'}" for code, n in counts.items()}
    title = SHADES[kind]
    if discipline:
        from catalogue.core.catalog import find_discipline

        title += f" in {find_discipline(store, discipline)['title']}"
    if since:
        title += f" since {since.isoformat()}"
    ended = sorted(TERMINAL)
    what = (f"requests not yet {', '.join(ended[:-1])} or {ended[-1]}" if kind == "requests"
            else "requests marked delivered (the training took place), by course start")
    return _made(kind, title, labels, classes, codes, values, (f"Counts {what}.",))


def _advice(store: Store, countries: dict[str, Any], codes: frozenset[str] | None) -> Shading:
    from catalogue.core.rules.advice import list_advice

    entries = {e["code"]: e for e in list_advice(store)}
    order = [key for key, _, _ in ADVICE]
    classes, values = {}, {}
    for code in countries:
        entry = entries.get(code)
        if entry is None:
            classes[code] = len(ADVICE)
            continue
        key = "part" if entry["part"] and entry["level"] != "none" else entry["level"]
        classes[code] = order.index(key)
        where = f" ({entry['part']})" if entry["part"] else ""
        values[code] = f"{entry['label']}{where}, as of {entry['as_of']} ({entry['origin']})"
    labels = [(label, colour) for _, label, colour in ADVICE] + [("Not recorded", NO_DATA)]
    dates = sorted(e["as_of"] for e in entries.values())
    note = (f"FCDO travel advice as recorded in the register, as of {dates[0]} to {dates[-1]}; "
            "check the current advice before relying on it." if dates else
            "No travel advice is recorded (catalogue advice set ...): nothing is assumed.")
    return _made("advice", SHADES["advice"], labels, classes, codes, values, (note,))
