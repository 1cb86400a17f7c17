"""Helpers shared by the programme and export tests."""

from __future__ import annotations

from typing import Any

from catalogue.core.programmes.changes import create_programme
from catalogue.core.programmes.model import ModuleEntry
from catalogue.core.store import Store


def make_programme(store: Store, modules: list[str | tuple[str, float | None, str | None]],
                   **fields: Any) -> int:
    """A programme for Kenya (unless ``country`` is given) holding ``modules`` in order;
    a module may be ``(id, hours, notes)``."""
    entries = [ModuleEntry(m) if isinstance(m, str) else ModuleEntry(*m) for m in modules]
    raw = {"title": "Test programme", "country": "Kenya", **fields}
    return create_programme(store, raw, entries)


def all_strings(value: Any) -> list[str]:
    """Every string (keys included) inside nested dicts and lists."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*all_strings(k), *all_strings(v))]
    if isinstance(value, list):
        return [s for item in value for s in all_strings(item)]
    return []


def docx_text(data: bytes) -> str:
    """All text of a Word document: paragraphs, every table cell, and the title property."""
    import io

    from docx import Document

    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    parts.append(doc.core_properties.title or "")
    return "\n".join(parts)
