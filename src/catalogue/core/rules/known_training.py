"""Is the training asked for in the catalogue? The check the CLI and the app run first.

:func:`catalogue.core.rules.scope.build_scope` keeps an unknown discipline or module as typed,
so that a programmatic caller still gets the engine's "no skills to deliver" decline signal.
A person typing a name, though, has more likely mistyped it: :func:`check_known_training`
turns an unknown name into a usage error (exit 2) that names the nearest disciplines and
modules, found with rapidfuzz over their ids and titles.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from catalogue.core.errors import InvalidInputError, NotFoundError
from catalogue.core.names import fold, printable
from catalogue.core.store import Store

SUGGESTIONS = 3
CUTOFF = 75  # rapidfuzz WRatio score (0-100) below which a name is not suggested


@dataclass(frozen=True)
class Candidate:
    """One discipline or module a mistyped name may have meant."""

    kind: str  # "discipline" | "module"
    id: str
    title: str

    def describe(self) -> str:
        return f"{self.kind} {self.id} ({self.title})"


def _candidates(store: Store) -> list[Candidate]:
    found = [Candidate("discipline", r["id"], r["title"])
             for r in store.query("SELECT id, title FROM disciplines ORDER BY position")]
    found += [Candidate("module", r["id"], r["title"])
              for r in store.query("SELECT m.id, m.title FROM modules m JOIN disciplines d "
                                   "ON d.id = m.discipline_id ORDER BY d.position, m.position")]
    return found


def nearest_training(store: Store, text: str, limit: int = SUGGESTIONS) -> list[Candidate]:
    """The disciplines and modules whose id or title is nearest to ``text``, best first."""
    from rapidfuzz import fuzz, process

    candidates = _candidates(store)
    choices: dict[int, str] = {}
    for index, c in enumerate(candidates):
        choices[2 * index] = fold(c.id.replace("-", " "))
        choices[2 * index + 1] = fold(c.title)
    best: list[Candidate] = []
    for _choice, _score, key in process.extract(fold(text), choices, scorer=fuzz.WRatio,
                                                limit=limit * 4, score_cutoff=CUTOFF):
        candidate = candidates[int(key) // 2]
        if candidate not in best:
            best.append(candidate)
        if len(best) == limit:
            break
    return best


def _unknown(store: Store, kind: str, text: str) -> InvalidInputError:
    near = nearest_training(store, text)
    if near:
        hint = "did you mean: " + "; ".join(c.describe() for c in near) + "?"
    elif kind == "discipline":
        ids = [r["id"] for r in store.query("SELECT id FROM disciplines ORDER BY position")]
        hint = "known disciplines: " + ", ".join(ids)
    else:
        hint = ("a module is named by its id, such as cmd-national-decision-model "
                "(each discipline lists its modules)")
    return InvalidInputError(f"no {kind} {printable(text.strip())!r} in the catalogue; {hint}")


def check_known_training(store: Store, disciplines: Iterable[str] = (),
                         modules: Iterable[str] = ()) -> None:
    """Raise InvalidInputError (exit 2) for the first discipline or module not in the
    catalogue, with suggestions; an ambiguous discipline prefix raises AmbiguousError."""
    from catalogue.core.catalog import find_discipline

    for text in disciplines:
        if not text.strip():
            continue
        try:
            find_discipline(store, text)
        except NotFoundError:
            raise _unknown(store, "discipline", text) from None
    for text in modules:
        wanted = text.strip().lower()
        if wanted and store.one("SELECT 1 FROM modules WHERE id = ?", (wanted,)) is None:
            raise _unknown(store, "module", text)
