"""IPAB, JIPH, OSJA and s.26 spelled out where a reader first meets them.

Every card, screen and ``--help`` text passes its words through :func:`spell_out` (or the
app's Rich-text twin, which uses :func:`first_uses`): the first use of each abbreviation gains
its full name, "International Police Assistance Board (IPAB)", unless the full name came
first. Later uses stay short. Names of options and ids (``--osja-grade``, ``ipab-submitted``,
``IPAB-2027-041``) are left alone: only the capitalised word on its own is matched.

Light on purpose (``re`` only): the quick ``catalogue country`` path uses it.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Abbreviation(NamedTuple):
    short: str
    full: str
    pattern: re.Pattern[str]  # one use of the abbreviation (with any words it absorbs)
    known: re.Pattern[str]  # the full name, already written out


ABBREVIATIONS = (
    Abbreviation("IPAB", "International Police Assistance Board",
                 re.compile(r"(?<![\w.-])IPAB(?![\w-])"),
                 re.compile(r"International\s+Police\s+Assistance\s+Board", re.I)),
    Abbreviation("JIPH", "Joint International Policing Hub",
                 re.compile(r"(?<![\w.-])JIPH(?![\w-])"),
                 re.compile(r"Joint\s+International\s+Policing\s+Hub", re.I)),
    Abbreviation("OSJA", "Overseas Security and Justice Assistance",
                 re.compile(r"(?<![\w.-])OSJA(?![\w-])"),
                 re.compile(r"Overseas\s+Security\s+and\s+Justice\s+Assistance", re.I)),
    # "Police Act 1996 s.26" becomes "section 26 of the Police Act 1996 (s.26)", not
    # "Police Act 1996 section 26 of the Police Act 1996 (s.26)".
    Abbreviation("s.26", "section 26 of the Police Act 1996",
                 re.compile(r"(?<![\w.-])(?:Police Act 1996,? )?s\.\s?26(?![\w])"),
                 re.compile(r"section\s+26\s+of\s+the\s+Police\s+Act\s+1996|"
                            r"Police\s+Act\s+1996,?\s+section\s+26", re.I)),
)


class FirstUse(NamedTuple):
    start: int
    end: int
    text: str  # what replaces text[start:end]


def first_uses(text: str, done: set[str] | None = None) -> list[FirstUse]:
    """Where each abbreviation is first used in ``text`` (not spelled out before it, and not
    in ``done``), in order; ``done`` gains the abbreviations met, spelled out or not."""
    seen = done if done is not None else set()
    found: list[FirstUse] = []
    for abbreviation in ABBREVIATIONS:
        if abbreviation.short in seen:
            continue
        use = abbreviation.pattern.search(text)
        known = abbreviation.known.search(text)
        if known and (use is None or known.start() < use.start()
                      or _glossed(text, use.end(), known.start())):
            seen.add(abbreviation.short)
            continue
        if use is None:
            continue
        seen.add(abbreviation.short)
        full = abbreviation.full
        if _starts_sentence(text, use.start()):
            full = full[0].upper() + full[1:]
        found.append(FirstUse(use.start(), use.end(), f"{full} ({abbreviation.short})"))
    return sorted(found)


def _glossed(text: str, use_end: int, known_start: int) -> bool:
    """Whether the full name follows the abbreviation in brackets: "OSJA (Overseas ...)"."""
    between = text[use_end:known_start]
    return between.strip() == "(" and between.lstrip().startswith("(")


def _starts_sentence(text: str, start: int) -> bool:
    """Whether a sentence or a list item starts at ``start`` (so a capital is needed)."""
    before = text[:start].rstrip()
    line = text[text.rfind("\n", 0, start) + 1:start]
    return (not before or before[-1] in ".:!?"
            or not any(ch.isalnum() for ch in line))  # "  - ", "[ ] ", "• " ...


def spell_out(text: str, done: set[str] | None = None) -> str:
    """``text`` with the first use of each abbreviation spelled out (see :func:`first_uses`)."""
    pieces: list[str] = []
    position = 0
    for use in first_uses(text, done):
        pieces += [text[position:use.start], use.text]
        position = use.end
    pieces.append(text[position:])
    return "".join(pieces)


def unexplained(text: str) -> list[str]:
    """The abbreviations used in ``text`` before (or without) their full name."""
    missing = []
    for abbreviation in ABBREVIATIONS:
        use = abbreviation.pattern.search(text)
        if use is None:
            continue
        known = abbreviation.known.search(text)
        if known is None or (known.start() > use.start()
                             and not _glossed(text, use.end(), known.start())):
            missing.append(abbreviation.short)
    return missing
