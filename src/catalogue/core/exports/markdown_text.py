"""Markdown text pieces shared by every Markdown document: escaped inline text and tables.

All user and library text is escaped, so ``*``, ``|`` or ``#`` in a title appear literally.
"""

from __future__ import annotations

import re
from typing import Any

from catalogue.core.exports import wording as w

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~!])")
_LEADING_BULLET = re.compile(r"^(\s*)([-+=])(?=\s|$)")
_LEADING_NUMBER = re.compile(r"^(\s*)(\d+)([.)])(?=\s|$)")


def esc(text: Any) -> str:
    """Text for inline Markdown: special characters backslash-escaped, one line."""
    value = _SPECIAL.sub(r"\\\1", w.clean(text))
    value = _LEADING_BULLET.sub(r"\1\\\2", value)
    value = _LEADING_NUMBER.sub(r"\1\2\\\3", value)
    return " ".join(value.splitlines())


def table(headings: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(headings) + " |", "|" + "---|" * len(headings)]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return [*lines, ""]
