"""Checks for the parts of ``approval-policy.toml``, each failing with ``file:line``.

What the program knows (flag ids and their placeholders, factor ids, condition words) is
declared here; everything else (texts, points, thresholds, approvers) comes from the file.
"""

from __future__ import annotations

import string
from typing import Any

from catalogue.core.data.fields import Record
from catalogue.core.data.textfiles import TextFile
from catalogue.core.osja.vocabulary import check_condition

COUNTRY_FACTS = {"country", "code", "kind"}

#: Every flag the engine raises, with the placeholders its texts may use.
FLAG_FACTS: dict[str, set[str]] = {
    "ipab-jiph": set(),
    "osja-assessment": set(),
    "osja-suggested-level": {"level", "reasons", "label"},
    "host-country-needed": set(),
    "travel-advice-old": {"as_of", "origin", "days"},
    "consult-mission": {"mission", "mission_note", "mission_basis"},
    "no-mission": {"mission", "mission_note", "mission_basis"},
    "s26-serving-officers": {"deliverers"},
    "decline-jiph-refused": set(),
    "decline-staff-risk": {"level", "part", "as_of", "origin"},
    "decline-no-skills": {"unknown", "count"},
    "decline-ethics": {"concerns", "count"},
    "travel-part-against-all": {"level", "part", "as_of", "origin"},
    "travel-essential-only": {"level", "part", "as_of", "origin"},
    "travel-advice-unrecorded": set(),
    "travel-advice-clear": {"as_of", "origin"},
    "scope-empty": set(),
    "audience-unknown": {"unknown"},
}

DISCLOSURE_FACTS = {"matched"}
PLAIN_CONDITIONS = ("always", "in-country", "serving-officers", "hr-priority", "coercive-audience")
RESET_FIELDS = ("country", "disciplines", "modules", "location", "audience", "delivered_by",
                "start", "end", "cohort")


def placeholders(record: Record, key: str, allowed: set[str]) -> str:
    """The text of ``key``, checked to use only ``allowed`` placeholders (plus country facts)."""
    text = record.text(key)
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError as exc:
        raise record.fail(f"{key!r} has unbalanced braces ({exc}); write {{{{ and }}}} for a "
                          "literal brace", key) from None
    unknown = sorted(n for n in names if n not in allowed | COUNTRY_FACTS)
    if unknown:
        usable = ", ".join("{" + n + "}" for n in sorted(allowed | COUNTRY_FACTS))
        raise record.fail(f"{key!r} uses unknown placeholder(s) {', '.join(unknown)}; "
                          f"this one may use: {usable}", key)
    return text


def boolean(record: Record, key: str, default: bool) -> bool:
    value = record.data.get(key, default)
    if not isinstance(value, bool):
        raise record.fail(f"{key!r} must be true or false (no quotes)", key)
    return value


def section_line(file: TextFile, section: str, key: str | None = None) -> int | None:
    """The line of ``[section]`` or, with ``key``, of ``key = ...`` inside it."""
    in_section = False
    for number, line in enumerate(file.text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("["):
            in_section = stripped == f"[{section}]"
            if in_section and key is None:
                return number
            continue
        if in_section and key is not None:
            name = stripped.split("=", 1)[0].strip().strip('"')
            if "=" in stripped and name == key:
                return number
    return None


def text_table(file: TextFile, doc: dict[str, Any], section: str, keys: tuple[str, ...] | None,
               values: tuple[str, ...] | None = None) -> dict[str, str]:
    """A ``[section]`` of ``key = "text"`` lines; ``keys`` lists the keys it must have."""
    table = doc.get(section)
    if not isinstance(table, dict):
        raise file.fail(None, f"missing the [{section}] table")
    result: dict[str, str] = {}
    for key, value in table.items():
        line = section_line(file, section, key) or section_line(file, section)
        if keys is not None and key not in keys:
            raise file.fail(line, f"[{section}] has unknown key {key!r}; expected: {', '.join(keys)}")
        if not isinstance(value, str) or not value.strip():
            raise file.fail(line, f"[{section}] {key} must be a text in quotes")
        if values is not None and value.strip() not in values:
            raise file.fail(line, f"[{section}] {key} is {value!r}; expected one of: "
                                  f"{', '.join(values)}")
        result[key] = value.strip()
    for key in keys or ():
        if key not in result:
            raise file.fail(section_line(file, section), f"[{section}] needs a text for {key!r}")
    return result


def condition(record: Record, text: str, disciplines: set[str], audiences: set[str]) -> str:
    """One ``when`` condition of a disclosure category, checked."""
    return check_condition(record, text, disciplines, audiences,
                           plain_conditions=PLAIN_CONDITIONS)
