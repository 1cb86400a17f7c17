"""Folding names for matching, and flag emoji. Light: imported on the quick-lookup path."""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = dict.fromkeys(map(ord, "'’‘`´ʼʻ′"), None)
_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str | None) -> str:
    """A matching key: no case, accents, apostrophes or punctuation, no leading "the".

    >>> fold("Côte d’Ivoire") == fold("cote d'ivoire") == "cote divoire"
    True
    """
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.casefold().translate(_APOSTROPHES).replace("&", " and ")
    key = _NON_WORD.sub(" ", plain).strip()
    if key.startswith("the "):
        key = key[4:]
    if key.isdigit():  # numeric codes: "004" finds 4 (no int(): 5,000 digits would raise)
        key = key.lstrip("0") or "0"
    return key


def flag_emoji(code: str) -> str:
    """The flag emoji for a two-letter code (regional indicator symbols)."""
    if len(code) != 2 or not code.isalpha():
        return ""
    return "".join(chr(0x1F1E6 + ord(ch) - ord("A")) for ch in code.upper())


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """User text made safe for a terminal: control characters and escapes shown, not obeyed."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def typed_number(text: str) -> int | None:
    """The number a user typed to name a record ("12", "#12"), or None if it is not one."""
    digits = text.strip().lstrip("#")
    usable = digits.isascii() and digits.isdigit() and len(digits) < 12  # not "²"
    return int(digits) if usable else None
