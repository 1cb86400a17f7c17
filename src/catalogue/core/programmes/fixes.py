"""A fix for each builder warning: an outline edit to apply, or modules to choose from.

- a missing prerequisite: insert it (with any of its own prerequisites that are missing, in
  the order they build on each other) just before the module that needs it;
- a prerequisite placed after the module that needs it: move it to just before;
- a principle no module covers: the library's modules that serve it (at the audience's level
  when one is set), to choose from in the module picker;
- a module outside the audience's level, or no longer in the library: remove it.

Fixes are computed from the outline and the library; applying one is an ordinary edit that
undo takes back. The warnings and their fixes are the library's facts (prerequisites, levels,
principles from data/), not judgements made here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from catalogue.core.module_search import ModuleQuery, find_modules
from catalogue.core.programmes.edits import Edit, Move, Remove, insert_modules
from catalogue.core.store import Store

if TYPE_CHECKING:
    from catalogue.core.programmes.outline import ProgrammeOutline


@dataclass(frozen=True)
class Fix:
    """The fix for one warning (``warning`` is its message)."""

    warning: str
    #: The module the warning is about (None for a principle no module covers).
    module_id: str | None
    #: What the fix does, in words, e.g. "add Gold, Silver and Bronze command before ...".
    label: str
    #: The edit to apply, or None when the fix is a choice (``suggest``).
    edit: Edit | None = None
    #: Modules to choose from in the picker, and how many the library has.
    suggest: ModuleQuery | None = None
    suggestions: int = 0


def _library(store: Store) -> dict[str, dict[str, Any]]:
    return {r["id"]: {"title": r["title"], "prerequisites": json.loads(r["prerequisites"])}
            for r in store.query("SELECT id, title, prerequisites FROM modules")}


def _missing_chain(first: str, present: set[str], library: dict[str, dict[str, Any]]
                   ) -> list[str]:
    """``first`` and those of its prerequisites (all the way down) not in the programme,
    each after the ones it builds on."""
    chain: list[str] = []

    def visit(ident: str) -> None:
        if ident in present or ident in chain or ident not in library:
            return
        for prereq in library[ident]["prerequisites"]:
            visit(prereq)
        chain.append(ident)

    visit(first)
    return chain


def plan_fixes(store: Store, outline: ProgrammeOutline) -> list[Fix | None]:
    """One entry per warning of ``outline`` (in the same order): its fix, or None."""
    library = _library(store)
    modules = {m["id"]: m for m in outline["modules"]}
    present = set(modules)
    audience = outline["programme"].get("audience_level") or {}
    fixes: list[Fix | None] = []
    for warning in outline["warnings"]:
        kind, message = warning["kind"], warning["message"]
        module = modules.get(warning.get("module_id") or "")
        related: str = warning.get("related_module_id") or ""  # "" is no module id
        if kind == "prerequisite-missing" and module and related in library:
            chain = _missing_chain(related, present, library)
            more = len(chain) - 1
            label = (f"add {library[related]['title']}"
                     + (f" and {more} module{'s' if more > 1 else ''} it builds on"
                        if more > 0 else "")
                     + f" before {module['title']}")
            fixes.append(Fix(message, module["id"], label,
                             edit=insert_modules(chain, module["position"])))
        elif kind == "prerequisite-order" and module and related in modules:
            fixes.append(Fix(message, module["id"],
                             f"move {modules[related]['title']} to just before "
                             f"{module['title']} (position {module['position']})",
                             edit=Move(related, module["position"])))
        elif kind in ("level", "not-in-library") and module:
            fixes.append(Fix(message, module["id"], f"remove {module['title']}",
                             edit=Remove((module["id"],))))
        elif kind == "principle-missing" and warning.get("principle_id"):
            fixes.append(_principle_fix(store, message, warning["principle_id"], audience,
                                        present))
        else:
            fixes.append(None)
    return fixes


def _principle_fix(store: Store, message: str, principle: str, audience: dict[str, Any],
                   present: set[str]) -> Fix | None:
    name = store.scalar("SELECT name FROM principles WHERE id = ?", (principle,)) or principle
    for level in ([audience["id"]] if audience.get("id") else []) + [None]:
        query = ModuleQuery(level=level, principle=principle)
        count = sum(m.id not in present for m in find_modules(store, query))
        if count:
            at = f" at the {audience['name']} level" if level else ""
            return Fix(message, None, f"choose from {count} module{'s' if count > 1 else ''}"
                       f" that cover {name}{at}", suggest=query, suggestions=count)
    return None
