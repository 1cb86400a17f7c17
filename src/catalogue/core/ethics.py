"""The Code of Ethics for policing in England and Wales, by edition, as the CLI and app show it
(``catalogue ethics`` and the app's Code of Ethics screen). Read from data/code-of-ethics.toml."""

from __future__ import annotations

from typing import TypedDict

from catalogue.core.errors import InvalidInputError
from catalogue.core.store import Store


class EthicsItem(TypedDict):
    id: str
    name: str
    summary: str


class Edition(TypedDict):
    year: int
    title: str
    summary: str
    source: str
    current: bool  # the latest edition in the data file
    principles: list[EthicsItem]
    standards: list[EthicsItem]  # the Standards of Professional Behaviour (2014 only)


def edition_years(store: Store) -> list[int]:
    """The editions in the data file, newest first."""
    return [int(r[0]) for r in store.query("SELECT DISTINCT edition FROM ethics "
                                           "ORDER BY edition DESC")]


def code_of_ethics(store: Store, edition: int | None = None) -> list[Edition]:
    """Every edition, newest first, or only ``edition`` (an unknown year is a usage error)."""
    years = edition_years(store)
    if edition is not None and edition not in years:
        raise InvalidInputError(f"no {edition} edition of the Code of Ethics; editions: "
                                + ", ".join(str(y) for y in years))
    editions: dict[int, Edition] = {}
    for row in store.query("SELECT * FROM ethics ORDER BY edition DESC, kind, position"):
        year = int(row["edition"])
        if edition is not None and year != edition:
            continue
        found = editions.setdefault(year, Edition(
            year=year, title=row["edition_title"], summary=row["edition_summary"],
            source=row["edition_source"], current=year == years[0], principles=[],
            standards=[]))
        item = EthicsItem(id=row["id"], name=row["name"], summary=row["summary"] or "")
        (found["principles"] if row["kind"] == "principle" else found["standards"]).append(item)
    return list(editions.values())


def ethics_lines(edition: Edition) -> list[str]:
    """One edition as plain lines (the CLI prints them; tests read them)."""
    lines = [f"{edition['title']}" + ("  (current edition)" if edition["current"] else ""),
             f"  {edition['summary']}", f"  Source: {edition['source']}", "",
             f"  Principles ({len(edition['principles'])}):"]
    lines += [f"    - {p['name']}: {p['summary']}" for p in edition["principles"]]
    if edition["standards"]:
        lines += ["", f"  Standards of Professional Behaviour ({len(edition['standards'])}):"]
        lines += [f"    - {s['name']}: {s['summary']}" for s in edition["standards"]]
    return lines
