"""IPAB, JIPH, OSJA and s.26 spelled out where a reader first meets them.

Every card, screen and ``--help`` text passes its words through :func:`spell_out` (or the
app's Rich-text twin, which uses :func:`first_uses`): the first use of each abbreviation gains
its full name, "International Police Assistance Board (IPAB)", unless the full name came
first. Later uses stay short. Names of options and ids (``--osja-grade``, ``ipab-submitted``,
``IPAB-2027-041``) are left alone: only the capitalised word on its own is matched.

The quick ``catalogue country`` path uses it, so it matches with string methods rather than
regular expressions (compiling the eight patterns cost 0.8 ms of that command's run). The
rules, as patterns, are the specification in ``tests/test_abbreviations_spec.py``, which checks
this module against them:

- a use is the abbreviation with no letter, digit, ``_``, ``.`` or ``-`` just before it and no
  letter, digit, ``_`` or ``-`` (for s.26: no letter, digit or ``_``) just after it; "s.26" may
  have one space after the dot and absorbs a "Police Act 1996 " or "Police Act 1996, " before it;
- the full name is found in any case, with any run of spaces or line breaks between its words.
"""

from __future__ import annotations


class Abbreviation:
    """An abbreviation, its full name, and the other ways the full name may be written."""

    __slots__ = ("full", "full_forms", "lowered_forms", "short")

    def __init__(self, short: str, full: str, *other_forms: str) -> None:
        self.short = short
        self.full = full
        self.full_forms = (full, *other_forms)
        self.lowered_forms = tuple(form.lower() for form in self.full_forms)

    def __repr__(self) -> str:
        return f"Abbreviation({self.short!r}, {self.full!r})"

    def use(self, text: str) -> tuple[int, int] | None:
        """(start, end) of the first use in ``text``, or None."""
        if self.short == "s.26":
            return _section_use(text)
        return _word_use(text, self.short)

    def known(self, lowered: str) -> int:
        """Where the full name is first written (any form) in a text given through
        :func:`ascii_lower`, or -1."""
        starts = [s for s in (_phrase(lowered, f) for f in self.lowered_forms) if s >= 0]
        return min(starts, default=-1)


ABBREVIATIONS = (
    Abbreviation("IPAB", "International Police Assistance Board"),
    Abbreviation("JIPH", "Joint International Policing Hub"),
    Abbreviation("OSJA", "Overseas Security and Justice Assistance"),
    # "Police Act 1996 s.26" becomes "section 26 of the Police Act 1996 (s.26)", not
    # "Police Act 1996 section 26 of the Police Act 1996 (s.26)".
    Abbreviation("s.26", "section 26 of the Police Act 1996",
                 "Police Act 1996 section 26", "Police Act 1996, section 26"),
)

#: A-Z, and the four other letters a case-blind regular expression takes for i, s or k
#: (dotted capital I, dotless i, long s, the Kelvin sign), each to one lower-case letter.
_ASCII_LOWER = {**{c: c + 32 for c in range(ord("A"), ord("Z") + 1)},
                0x130: ord("i"), 0x131: ord("i"), 0x17F: ord("s"), 0x212A: ord("k")}


def ascii_lower(text: str) -> str:
    """``text`` with the letters of the full names in lower case, one character for one, so
    every position is kept (``str.lower`` may change the length: "İ" becomes two characters)."""
    return text.translate(_ASCII_LOWER)


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _joined_before(text: str, start: int) -> bool:
    return start > 0 and (_word_char(text[start - 1]) or text[start - 1] in ".-")


def _joined_after(text: str, end: int, joiners: str) -> bool:
    return end < len(text) and (_word_char(text[end]) or text[end] in joiners)


def _word_use(text: str, word: str) -> tuple[int, int] | None:
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if not _joined_before(text, start) and not _joined_after(text, end, "-"):
            return start, end
        start = text.find(word, start + 1)
    return None


_ACT = ("Police Act 1996 ", "Police Act 1996, ")


def _section_use(text: str) -> tuple[int, int] | None:
    start = text.find("s.")
    while start >= 0:
        end = start + 2
        if end < len(text) and text[end].isspace():
            end += 1
        if (text.startswith("26", end) and not _joined_after(text, end + 2, "")
                and not _joined_before(text, start)):
            for act in _ACT:
                if text.endswith(act, 0, start) and not _joined_before(text, start - len(act)):
                    return start - len(act), end + 2
            return start, end + 2
        start = text.find("s.", start + 1)
    return None


def _phrase(lowered: str, phrase: str) -> int:
    """Where ``phrase`` (lower case; each space stands for any run of white space) first
    occurs in ``lowered``, or -1."""
    first, *rest = phrase.split(" ")
    start = lowered.find(first)
    while start >= 0:
        position = start + len(first)
        for word in rest:
            gap = position
            while position < len(lowered) and lowered[position].isspace():
                position += 1
            if position == gap or not lowered.startswith(word, position):
                break
            position += len(word)
        else:
            return start
        start = lowered.find(first, start + 1)
    return -1


class FirstUse:
    """Where an abbreviation is first used: ``text[start:end]`` is replaced by ``text``."""

    __slots__ = ("end", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start, self.end, self.text = start, end, text

    def __repr__(self) -> str:
        return f"FirstUse({self.start}, {self.end}, {self.text!r})"


def first_uses(text: str, done: set[str] | None = None) -> list[FirstUse]:
    """Where each abbreviation is first used in ``text`` (not spelled out before it, and not
    in ``done``), in order; ``done`` gains the abbreviations met, spelled out or not."""
    seen = done if done is not None else set()
    found: list[FirstUse] = []
    lowered = ascii_lower(text)
    for abbreviation in ABBREVIATIONS:
        if abbreviation.short in seen:
            continue
        use = abbreviation.use(text)
        known = abbreviation.known(lowered)
        if known >= 0 and (use is None or known < use[0] or _glossed(text, use[1], known)):
            seen.add(abbreviation.short)
            continue
        if use is None:
            continue
        seen.add(abbreviation.short)
        full = abbreviation.full
        if _starts_sentence(text, use[0]):
            full = full[0].upper() + full[1:]
        found.append(FirstUse(use[0], use[1], f"{full} ({abbreviation.short})"))
    return sorted(found, key=lambda first: first.start)


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
    lowered = ascii_lower(text)
    for abbreviation in ABBREVIATIONS:
        use = abbreviation.use(text)
        if use is None:
            continue
        known = abbreviation.known(lowered)
        if known < 0 or (known > use[0] and not _glossed(text, use[1], known)):
            missing.append(abbreviation.short)
    return missing
