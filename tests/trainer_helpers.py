"""Programmes and trainers for the trainer tests."""

from __future__ import annotations

from catalogue.core.programmes.changes import create_programme
from catalogue.core.programmes.model import ModuleEntry
from catalogue.core.store import Store
from catalogue.core.trainers import roster

TODAY = "2026-12-01"


def programme(store: Store, start: str | None, *, country: str = "Kenya",
              modules: tuple[str, ...] = ("cmd-national-decision-model",),
              mode: str = "in-country", cohort: int | None = None, title: str = "Course",
              public_title: str | None = None) -> int:
    raw = {"title": title, "country": country, "delivery_mode": mode}
    if public_title:
        raw["public_title"] = public_title
    if start:
        raw["start_date"] = start
    if cohort:
        raw["cohort_size"] = str(cohort)
    return create_programme(store, raw, [ModuleEntry(m) for m in modules])


def trainer(store: Store, name: str = "A. Okafor", kind: str = "associate",
            force: str | None = None, disciplines: tuple[str, ...] = ("command",)) -> int:
    return roster.add_trainer(store, name, kind, by="tester", force=force,
                              disciplines=disciplines, languages=["French"])
