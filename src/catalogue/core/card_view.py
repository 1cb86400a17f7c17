"""The country card as rows and sections, worded once for both faces and for copying.

:func:`country_card_view` turns the card's data (:func:`catalogue.core.country_card.country_card`
plus the country's activity) into a :class:`CardView`: the field rows (label, value, emphasis)
and the sections (programmes, open requests, disciplines, approvals, deliveries, OSJA). The CLI
(``catalogue country``) and the app's explorer only style what it holds; :func:`card_plain_text`
is the plain-text rendering (the CLI's layout), for the terminal and the clipboard.

Emphasis names what a value is (an alert, a source, a reference), never how it looks: each face
maps it to its own style. Imported on the quick-lookup path: keep its imports light. The types
are plain classes with slots, built here and only read by the faces: defining one costs about
10 µs, a NamedTuple 70-150 µs and a frozen dataclass nearly 300 (docs/performance.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from catalogue.core.abbreviations import spell_out
from catalogue.core.counting import plural
from catalogue.core.country_card import (
    codes_line,
    country_card_with_activity,
    fuzzy_note,
    region_line,
)
from catalogue.core.names import printable
from catalogue.core.store import Store
from catalogue.core.trainers.schema import LEVEL_LABELS

Emphasis = Literal["", "strong", "alert", "warning", "info", "good", "quiet", "note", "source",
                   "ref"]

SEVERITY_EMPHASIS: dict[str, Emphasis] = {"blocker": "alert", "needs-action": "warning",
                                          "info": "info"}


class Span:
    """A piece of an item's first line."""

    __slots__ = ("emphasis", "text")

    def __init__(self, text: str, emphasis: Emphasis = "") -> None:
        self.text, self.emphasis = text, emphasis


class CardRow:
    """One labelled value (a field of the card, or a detail under an item: ``why``,
    ``source``); an empty label is a detail line of its own."""

    __slots__ = ("emphasis", "label", "value")

    def __init__(self, label: str, value: str, emphasis: Emphasis = "") -> None:
        self.label, self.value, self.emphasis = label, value, emphasis


class CardItem:
    """One entry of a section: its first line in pieces, and the details under it."""

    __slots__ = ("details", "line")

    def __init__(self, line: tuple[Span, ...], details: tuple[CardRow, ...] = ()) -> None:
        self.line, self.details = line, details

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.line)


class CardSection:
    """A heading and its entries. ``empty`` is said when there are none; ``more`` says what
    the list leaves out (the CLI adds the command that shows it); ``footer`` closes it."""

    __slots__ = ("empty", "footer", "heading", "id", "items", "more")

    def __init__(self, id: str, heading: str, items: tuple[CardItem, ...], *, empty: str = "",
                 more: str = "", footer: str = "") -> None:
        self.id, self.heading, self.items = id, heading, items
        self.empty, self.more, self.footer = empty, more, footer


class CardView:
    """The country card, ready to style: title, the note on an inexact match, rows, sections."""

    __slots__ = ("code", "flag", "note", "rows", "sections", "title")

    def __init__(self, *, code: str, flag: str, title: str, note: str | None,
                 rows: tuple[CardRow, ...], sections: tuple[CardSection, ...]) -> None:
        self.code, self.flag, self.title, self.note = code, flag, title, note
        self.rows, self.sections = rows, sections

    def section(self, section_id: str) -> CardSection | None:
        return next((s for s in self.sections if s.id == section_id), None)


def card_view_of(store: Store, code: str) -> CardView:
    """The card of the country with ``code``, with its programmes and open requests."""
    return country_card_view(country_card_with_activity(store, code))


def country_card_view(card: Mapping[str, Any]) -> CardView:
    """The card's rows and sections, from :func:`~catalogue.core.country_card.country_card`'s
    data (with ``activity`` when the card carries the country's programmes and requests)."""
    names = card["names"]
    sections: list[CardSection] = []
    if card.get("activity") is not None:
        sections += _activity_sections(card["activity"])
    sections += [_disciplines(card), _approvals(card["approvals"])]
    if card.get("deliveries") is not None:
        sections.append(_deliveries(card["deliveries"]))
    if card.get("osja") is not None:
        sections += _osja_sections(card["osja"])
    return CardView(code=card["code"], flag=card["flag"] or "", title=names["common"],
                    note=fuzzy_note(card.get("match"), names["common"]),
                    rows=_field_rows(card), sections=tuple(sections))


def _field_rows(card: Mapping[str, Any]) -> tuple[CardRow, ...]:
    names = card["names"]
    hr = card["human_rights_priority"]
    kind = card["kind_label"]
    if card["administered_by"]:
        kind += f" ({card['administered_by']})"
    year = f"FCDO {hr['list_year']} list" if hr["list_year"] else "no list loaded"
    via = f", the entry of its administering state {hr['via']}" if hr.get("via") else ""
    rows = [
        CardRow("Listed as", names["listed_as"] or "(not listed among the countries assisted)"),
        CardRow("Official name", names["official"] or ""),
        CardRow("ISO name", (names["iso"] or "") if names["iso"] != names["common"] else ""),
        CardRow("Codes", codes_line(dict(card))),
        CardRow("Kind", kind),
        CardRow("UN M49 region", region_line(dict(card))),
        CardRow("Liaison area", card["liaison_area"] or "(none)"),
        CardRow("Area basis", card.get("liaison_area_basis") or "", "quiet"),
        CardRow("Assisted", "yes" if card["assisted"] else "no",
                "good" if card["assisted"] else ""),
        CardRow("HR priority", f"{'YES' if hr['priority'] else 'no'} ({year}{via})",
                "alert" if hr["priority"] else ""),
        CardRow("Note", card["note"] or "", "note"),
    ]
    return tuple(row for row in rows if row.value)


def _ref(number: Any) -> Span:
    return Span(f"#{number} ", "ref")


def _activity_sections(activity: Mapping[str, Any]) -> list[CardSection]:
    programmes = activity["programmes"]
    requests = activity["requests"]
    hidden_p = activity["programmes_total"] - len(programmes)
    hidden_r = activity["requests_total"] - len(requests)
    return [
        CardSection(
            "programmes", f"Programmes ({activity['programmes_total']})",
            tuple(CardItem((_ref(p["id"]), Span(str(p["title"])),
                            *_extra(p["status"], p["starts"] and f"starts {p['starts']}")))
                  for p in programmes),
            empty="none yet", more=f"and {hidden_p} more" if hidden_p > 0 else ""),
        CardSection(
            "requests", f"Open requests ({activity['requests_total']})",
            tuple(CardItem((_ref(r["id"]), Span(str(r["title"])),
                            *_extra(r["state"], plural(r["age_days"], "day") + " old")))
                  for r in requests),
            empty="none open", more=f"and {hidden_r} more" if hidden_r > 0 else ""),
    ]


def _extra(*parts: str | None) -> tuple[Span, ...]:
    words = ", ".join(p for p in parts if p)
    return (Span(f"  ({words})", "quiet"),) if words else ()


def _disciplines(card: Mapping[str, Any]) -> CardSection:
    return CardSection(
        "disciplines", "Disciplines on offer [local sensitivity level → marking]",
        tuple(CardItem((Span(d["title"]),
                        Span(f"  [{d['sensitivity']} → {d['marking']}]",
                             "quiet" if d["sensitivity"] == "public" else "warning")))
              for d in card["disciplines"]),
        footer=card["sensitivity_scheme"])


def _approvals(flags: list[Mapping[str, Any]]) -> CardSection:
    return CardSection(
        "approvals", "Approvals any programme here needs",
        tuple(CardItem((Span(f["title"], "strong"),
                        Span(f" ({f['severity']})", SEVERITY_EMPHASIS.get(f["severity"], ""))),
                       (CardRow("why", f["why"], "quiet"),
                        CardRow("source", f["source"], "source")))
              for f in flags))


def _deliveries(history: Mapping[str, Any]) -> CardSection:
    shown = history["deliveries"]
    hidden = history["total"] - len(shown)
    return CardSection(
        "deliveries", f"Deliveries and results ({history['total']})",
        tuple(CardItem((Span(f"{d['start']}..{d['end']}  ", "quiet"), _ref(d["programme_id"]),
                        Span(str(d["title"])), Span(f" ({d['mode']})", "quiet")),
                       _delivery_details(d))
              for d in shown),
        empty="no delivery has started here yet",
        more=f"and {hidden} earlier" if hidden > 0 else "")


def _delivery_details(d: Mapping[str, Any]) -> tuple[CardRow, ...]:
    cohort = d["cohort"]
    if cohort["participants"]:
        done = cohort["completed"]
        trained = (f"trained {cohort['participants']} ({cohort['women']} women, "
                   f"{cohort['men']} men)"
                   + (f", {done} completed" if done is not None else "")
                   + (f"; attendance {d['attendance']:g}%" if d["attendance"] is not None
                      else ""))
        first = CardRow("", trained)
    else:
        first = CardRow("", "cohort not recorded", "quiet")
    scores = [f"{LEVEL_LABELS[e['level']]} {e['score']:g}/{e['out_of']:g}"
              for e in d["evaluations"]]
    return (first, CardRow("evaluation", ", ".join(scores)) if scores
            else CardRow("evaluation", "not recorded", "quiet"))


def _osja_sections(osja: Mapping[str, Any]) -> list[CardSection]:
    edition = osja["guidance_edition"].get("title", "OSJA guidance")
    return [
        CardSection(
            "risk-facts", "OSJA risk facts, each with its date and source",
            tuple(CardItem((Span(f"{fact['label']}: ", "strong"), Span(str(fact["text"]))))
                  for fact in osja["risk_facts"]["lines"])),
        CardSection(
            "prompts", f"OSJA prompts for any request here ({edition})",
            tuple(CardItem((Span(f"[{p['id']}] ", "ref"), Span(p["text"]),
                            *((Span(" [organisation's own wording]", "note"),)
                              if p["wording"] == "local" else ())),
                           (CardRow("why", str(p["why"]), "quiet"),
                            CardRow("source", p["source"], "source")))
                  for p in osja["prompts"]),
            more="more apply once the training is known"),
    ]


def card_plain_text(view: CardView, pointers: Mapping[str, str] | None = None) -> str:
    """The card as plain text (IPAB, JIPH, OSJA and s.26 spelled out on first use; user text
    made printable). ``pointers``: by section id, where to see the rest (the CLI's commands),
    added to the section's ``more`` line."""
    pointers = pointers or {}
    lines = [f"{view.flag} {printable(view.title)}".strip()]
    if view.note:
        lines.append(f"  ({printable(view.note)})")
    lines += [f"  {row.label:<16}{printable(row.value)}" for row in view.rows]
    for section in view.sections:
        lines += ["", f"  {section.heading}:"]
        for item in section.items:
            lines.append(f"    - {printable(item.text)}")
            lines += [f"      {_detail(row)}" for row in item.details]
        if not section.items and section.empty:
            lines.append(f"    {section.empty}")
        if section.more:
            pointer = pointers.get(section.id)
            lines.append(f"    ... {section.more}" + (f" ({pointer})" if pointer else ""))
        if section.footer:
            lines.append(f"    ({section.footer})")
    return spell_out("\n".join(lines))


def _detail(row: CardRow) -> str:
    return printable(f"{row.label}: {row.value}" if row.label else row.value)
