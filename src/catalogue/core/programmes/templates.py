"""Starting points: a discipline's standard modules, or a copy of another programme."""

from __future__ import annotations

from typing import Any

from catalogue.core.programmes.changes import create_programme
from catalogue.core.programmes.model import ModuleEntry
from catalogue.core.programmes.queries import get_programme
from catalogue.core.store import Store

#: Fields about one country's partner that a clone for another country does not carry over.
NOT_CLONED = ("request_id", "vulnerability_notes", "commercial_terms", "osja_grade",
              "language_notes")


def template_modules(store: Store, discipline: str) -> tuple[dict[str, Any], list[ModuleEntry]]:
    """The discipline (by id, title or unique prefix) and its standard modules, in the order
    its data file lists them (data/disciplines: standard_modules, local practice)."""
    from catalogue.core.catalog import find_discipline
    from catalogue.core.module_search import standard_modules

    found = find_discipline(store, discipline)
    return found, [ModuleEntry(m.id) for m in standard_modules(store, found["id"])]


def create_from_template(store: Store, discipline: str, raw: dict[str, Any]) -> int:
    """A new programme holding the discipline's standard modules; the title defaults to
    the discipline's."""
    found, entries = template_modules(store, discipline)
    fields = {"title": f"{found['title']} programme", **raw}
    return create_programme(store, fields, entries)


def clone_programme(store: Store, programme_id: int, country: str,
                    changes: dict[str, Any] | None = None) -> int:
    """A copy of a programme for ``country`` (modules, hours overrides and notes included).

    The linked request, vulnerability notes, commercial terms, recorded OSJA grade and
    language notes belong to the original partner and are not copied; ``changes`` may set
    any field of the copy (title, start date ...).
    """
    original = get_programme(store, programme_id)
    fields = {k: v for k, v in original.fields().items() if k not in NOT_CLONED and v is not None}
    fields.update({"country": country, **(changes or {})})
    entries = [ModuleEntry(e.module_id, e.hours, e.notes) for e in original.modules]
    return create_programme(store, fields, entries)


def standard_to_add(store: Store, programme_id: int, discipline: str
                    ) -> tuple[dict[str, Any], list[str], str]:
    """The discipline (by id, title or unique prefix), its standard modules not yet in the
    programme (in their standard order), and why they are standard (local practice)."""
    found, entries = template_modules(store, discipline)
    present = {e.module_id for e in get_programme(store, programme_id).modules}
    basis = store.scalar("SELECT standard_basis FROM disciplines WHERE id = ?", (found["id"],))
    return found, [e.module_id for e in entries if e.module_id not in present], basis or ""
