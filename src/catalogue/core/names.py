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


#: C0 controls but tab and line feed, DEL and the C1 controls, each written as ``\xNN``.
_CONTROL_SHOWN = {code: f"\\x{code:02x}"
                  for code in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))}


def printable(text: str) -> str:
    """User text made safe for a terminal: control characters and escapes shown, not obeyed."""
    return text.translate(_CONTROL_SHOWN)


def typed_number(text: str) -> int | None:
    """The number a user typed to name a record ("12", "#12"), or None if it is not one."""
    digits = text.strip().lstrip("#")
    usable = digits.isascii() and digits.isdigit() and len(digits) < 12  # not "²"
    return int(digits) if usable else None
