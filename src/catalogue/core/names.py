"""Folding names for matching, and flag emoji. Light: imported on the quick-lookup path."""

from __future__ import annotations

import re

_APOSTROPHES = dict.fromkeys(map(ord, "'’‘`´ʼʻ′"), None)
_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str | None) -> str:
    """A matching key: no case, accents, apostrophes or punctuation, no leading "the".

    >>> fold("Côte d’Ivoire") == fold("cote d'ivoire") == "cote divoire"
    True
    """
    if not text:
        return ""
    plain = text if text.isascii() else _without_accents(text)
    plain = plain.casefold().translate(_APOSTROPHES).replace("&", " and ")
    key = _NON_WORD.sub(" ", plain).strip()
    if key.startswith("the "):
        key = key[4:]
    if key.isdigit():  # numeric codes: "004" finds 4 (no int(): 5,000 digits would raise)
        key = key.lstrip("0") or "0"
    return key


def _without_accents(text: str) -> str:
    """``text`` decomposed (NFKD) without its combining marks; unicodedata, a compiled
    extension, loads only for text that has non-ASCII characters (the quick lookup's
    "Kenya" does not)."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def flag_emoji(code: str) -> str:
    """The flag emoji for a two-letter code (regional indicator symbols)."""
    if len(code) != 2 or not code.isalpha():
        return ""
    return "".join(chr(0x1F1E6 + ord(ch) - ord("A")) for ch in code.upper())


#: C0 controls but tab and line feed, DEL and the C1 controls, each written as ``\xNN``; the
#: bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), which
#: would reverse the text after them, each written as ``\uNNNN``.
_CONTROL_SHOWN = {code: f"\\x{code:02x}"
                  for code in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))}
_CONTROL_SHOWN.update({code: f"\\u{code:04x}"
                       for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))})
#: Line breaks, shown as one visible mark where text must stay on one line. Patterns used
#: only by some commands are given as text and compiled on first use (re keeps them), not
#: at import: the quick lookup imports this module (docs/performance.md).
_LINE_BREAKS = "\r\n|[\n\u2028\u2029]"
LINE_BREAK_MARK = "↵"


def printable(text: str) -> str:
    """User text made safe for a terminal: control characters, escapes and bidirectional
    overrides shown, not obeyed. Line feeds are kept (for paragraphs): see :func:`one_line`.
    Text with none of these (``str.isprintable``: the common case) is returned at once."""
    return text if text.isprintable() else text.translate(_CONTROL_SHOWN)


def one_line(text: str) -> str:
    """User text for a place that holds one line (a table cell, a card's labelled row):
    :func:`printable`, with each line break shown as "↵" instead of obeyed."""
    if text.isprintable():  # no line break, control or override: drawn for every table cell
        return text
    return printable(re.sub(_LINE_BREAKS, LINE_BREAK_MARK, text))


def paragraph(text: str, indent: int) -> str:
    """User text for a paragraph in a labelled layout (notes on a card): :func:`printable`,
    its line breaks kept, each further line indented by ``indent`` so it stays in the value
    column."""
    lines = re.split(_LINE_BREAKS, text)
    return ("\n" + " " * indent).join(printable(line) for line in lines)


#: What a spreadsheet would run as a formula when a cell starts with it (OWASP, CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?"


def spreadsheet_safe(text: str) -> str:
    """A CSV cell's text that a spreadsheet shows and never runs: text starting with ``=``,
    ``+``, ``-``, ``@``, a tab or a carriage return gets a leading apostrophe (OWASP's advice
    on CSV injection); a plain number ("-3", "+1.5") stays a number."""
    if text.startswith(_FORMULA_START) and not re.fullmatch(_PLAIN_NUMBER, text):
        return "'" + text
    return text


def typed_number(text: str) -> int | None:
    """The number a user typed to name a record ("12", "#12"), or None if it is not one."""
    digits = text.strip().lstrip("#")
    usable = digits.isascii() and digits.isdigit() and len(digits) < 12  # not "²"
    return int(digits) if usable else None
