"""``data/sensitivity.toml``: the organisation's local sensitivity levels (public, restricted,
confidential) and the Government Security Classifications marking each maps to, with the
policy's source and date. Seeded as the ``sensitivity_levels`` reference table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from catalogue.core.data.fields import Record, check_unique, records
from catalogue.core.data.textfiles import TextFile, parse_toml, read_text

SENSITIVITY_FILE = "sensitivity.toml"
#: The local levels the disclosure rules are written in: fixed ids, in this order.
LEVELS = ("public", "restricted", "confidential")
#: Government Security Classifications markings a level may map to.
MARKINGS = ("OFFICIAL", "OFFICIAL-SENSITIVE", "SECRET", "TOP SECRET")


def _table(file: TextFile, doc: dict[str, Any], name: str, keys: set[str]) -> Record:
    if not isinstance(doc.get(name), dict):
        raise file.fail(file.line_of_table(name), f"missing the [{name}] table")
    record = Record(file, doc[name], f"[{name}]", key=next(iter(doc[name]), "id"))
    record.known(keys)
    return record


def load_sensitivity(root: Path) -> list[dict[str, Any]]:
    """One row per level, each carrying the scheme's name and the marking's source."""
    file = read_text(root / SENSITIVITY_FILE, root)
    doc = parse_toml(file)
    for key in doc:
        if key not in ("scheme", "source", "level"):
            raise file.fail(file.line_of_table(key) or file.line_containing(key),
                            f"unknown section {key!r} (expected: scheme, source, level)")
    scheme = _table(file, doc, "scheme", {"name", "note"})
    source = _table(file, doc, "source", {"title", "publisher", "updated", "in_force_since",
                                          "url"})
    common = {"scheme": scheme.text("name"), "scheme_note": scheme.text("note"),
              "source_title": source.text("title"), "source_publisher": source.text("publisher"),
              "source_updated": source.date("updated"),
              "source_in_force_since": source.date("in_force_since"),
              "source_url": source.text("url")}
    items = records(file, doc, "level", "sensitivity level")
    found = check_unique(items, "id")
    if tuple(found) != LEVELS:
        wrong = [r for r, want in zip(items, LEVELS, strict=False) if r.text("id") != want]
        where = (wrong or items)[0] if items else None
        problem = (f"the levels must be {', '.join(LEVELS)}, in that order (the disclosure "
                   f"rules use them); found {', '.join(found) or 'none'}")
        raise where.fail(problem, "id") if where else file.fail(None, problem)
    rows = []
    for position, (ident, record) in enumerate(found.items(), start=1):
        record.known({"id", "label", "meaning", "marking", "why"})
        rows.append({"id": ident, "position": position, "label": record.text("label"),
                     "meaning": record.text("meaning"),
                     "marking": record.text("marking", choices=MARKINGS),
                     "why": record.text("why"), **common})
    return rows
