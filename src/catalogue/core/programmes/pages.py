"""The programmes' read models for the app: the builder's pickers, a page of programmes, one
programme's outline and preview, and programmes for the palette."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from catalogue.core.names import fold, typed_number
from catalogue.core.programmes.queries import ProgrammeRow
from catalogue.core.store import Store

if TYPE_CHECKING:
    from catalogue.core.programmes.outline import ProgrammeOutline


def builder_choices(store: Store) -> dict[str, Any]:
    """What the builder's pickers offer: countries, delivery modes, audience levels, and the
    templates a new programme can start from (each discipline's standard modules, as the
    CLI's ``programme new --template``)."""
    from catalogue.core.catalog import levels, list_disciplines
    from catalogue.core.country_pages import palette_countries
    from catalogue.core.programmes.model import DELIVERY_MODES

    standard: dict[str, int] = {r[0]: r[1] for r in store.query(
        "SELECT discipline_id, count(*) FROM modules WHERE standard > 0 GROUP BY discipline_id")}
    templates = [{"id": d["id"], "title": d["title"], "modules": standard.get(d["id"], 0)}
                 for d in list_disciplines(store)]
    return {"countries": palette_countries(store), "modes": list(DELIVERY_MODES),
            "levels": levels(store), "templates": templates}


def programme_page(store: Store, search: str | None, *, limit: int = 200,
                   offset: int = 0) -> tuple[list[ProgrammeRow], int]:
    """A page of programmes, most recently changed first, and how many match."""
    from catalogue.core.programmes.queries import (
        ProgrammeFilter,
        count_programmes,
        list_programmes,
    )

    flt = ProgrammeFilter(search=search or None)
    return (list_programmes(store, flt, limit=limit, offset=offset),
            count_programmes(store, flt))


@dataclass
class BuilderView:
    """One programme as the builder shows it: the outline and its Markdown preview."""

    outline: ProgrammeOutline
    markdown: str


def builder_view(store: Store, programme_id: int) -> BuilderView:
    from catalogue.core.exports.markdown import render_markdown
    from catalogue.core.exports.render import outline_document
    from catalogue.core.programmes.outline import build_outline

    outline = build_outline(store, programme_id)
    return BuilderView(outline, render_markdown(outline, outline_document(store, outline)))


PALETTE_LIMIT = 20


def find_programmes(store: Store, text: str, limit: int = PALETTE_LIMIT) -> list[dict[str, Any]]:
    """Programmes for the palette: by number, or by words in the title or notes (recent first
    when ``text`` is empty)."""
    from catalogue.core.programmes.queries import ProgrammeFilter, list_programmes

    found: list[dict[str, Any]] = []
    number = typed_number(text)
    if number is not None:
        found += [dict(r) for r in store.query(
            "SELECT p.id, p.title, c.name AS country_name FROM programmes p "
            "LEFT JOIN countries c ON c.code = p.country WHERE p.id = ?", (number,))]
    if text.strip() and not fold(text):
        return found
    rows = list_programmes(store, ProgrammeFilter(search=text or None), limit=limit)
    found += [{"id": r["id"], "title": r["title"], "country_name": r["country_name"]}
              for r in rows if r["id"] != number]
    return found[:limit]
