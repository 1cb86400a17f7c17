"""The organisation's local sensitivity scheme as the faces show it: each level with the
Government Security Classifications marking it maps to, and that policy's source and date
(from data/sensitivity.toml, seeded as ``sensitivity_levels``). Light: sqlite only."""

from __future__ import annotations

from typing import TypedDict

from catalogue.core.store import Store


class Level(TypedDict):
    id: str
    label: str
    meaning: str
    marking: str  # Government Security Classifications marking, e.g. "OFFICIAL-SENSITIVE"
    why: str


class Scheme(TypedDict):
    name: str  # "the organisation's local sensitivity scheme"
    note: str
    source: str  # the marking's source, with its date, on one line
    source_url: str
    levels: dict[str, Level]


def sensitivity_scheme(store: Store) -> Scheme:
    rows = [dict(r) for r in store.query("SELECT * FROM sensitivity_levels ORDER BY position")]
    first = rows[0]
    return Scheme(
        name=first["scheme"], note=first["scheme_note"],
        source=(f"{first['source_title']}, {first['source_publisher']} (updated "
                f"{first['source_updated']}; in force since {first['source_in_force_since']})"),
        source_url=first["source_url"],
        levels={r["id"]: Level(id=r["id"], label=r["label"], meaning=r["meaning"],
                               marking=r["marking"], why=r["why"]) for r in rows})


def level_line(scheme: Scheme, level: str) -> str:
    """"restricted (local scheme) · marking OFFICIAL" for a level id."""
    found = scheme["levels"].get(level)
    if found is None:
        return f"{level} (local scheme)"
    return f"{found['label']} (local scheme) · marking {found['marking']}"


def scheme_line(scheme: Scheme) -> str:
    """What the levels are and where the markings come from, in one sentence."""
    return (f"Sensitivity levels are {scheme['name']}, not Government Security "
            f"Classifications; each maps to a marking per the {scheme['source']}.")
