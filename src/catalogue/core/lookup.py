"""Country lookup: exact names, codes and aliases first; rapidfuzz only for misspellings.

The exact path needs only sqlite3; rapidfuzz is imported when nothing matched exactly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from catalogue.core.errors import AmbiguousError, NotFoundError
from catalogue.core.names import fold

if TYPE_CHECKING:
    from catalogue.core.store import Store

#: A fuzzy match is accepted only with at least this score (0-100) ...
FUZZY_ACCEPT = 75.0
#: ... and this many points ahead of the next country.
FUZZY_MARGIN = 8.0
#: Names scoring at least this are offered as suggestions when nothing matched.
SUGGEST_FLOOR = 55.0

CODE_SOURCES = {"alpha-2", "alpha-3", "numeric"}


class Match:
    """One country a query resolved to, and how (plain class: see ``rules.model.Flag``)."""

    __slots__ = ("code", "fuzzy", "matched", "name", "score", "source")

    def __init__(self, code: str, name: str, matched: str, source: str, fuzzy: bool = False,
                 score: float = 100.0) -> None:
        self.code = code
        self.name = name
        self.matched = matched
        self.source = source
        self.fuzzy = fuzzy
        self.score = score

    def describe(self) -> str:
        return f"{self.name} ({self.code})"

    def _key(self) -> tuple[object, ...]:
        return (self.code, self.name, self.matched, self.source, self.fuzzy, self.score)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Match) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (f"Match(code={self.code!r}, name={self.name!r}, source={self.source!r}, "
                f"fuzzy={self.fuzzy}, score={self.score})")


class LookupResult:
    """``found`` (with ``match``), ``ambiguous`` or ``not_found`` (with ``candidates``)."""

    __slots__ = ("candidates", "match", "query", "status")

    def __init__(self, status: Literal["found", "ambiguous", "not_found"], query: str,
                 match: Match | None = None, candidates: list[Match] | None = None) -> None:
        self.status = status
        self.query = query
        self.match = match
        self.candidates: list[Match] = candidates if candidates is not None else []

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LookupResult) and (
            (self.status, self.query, self.match, self.candidates)
            == (other.status, other.query, other.match, other.candidates))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (f"LookupResult(status={self.status!r}, match={self.match!r}, "
                f"candidates={self.candidates!r})")


def lookup_country(store: Store, query: str) -> LookupResult:
    """Resolve free text to a country or entity; never raises for odd input."""
    key = fold(query)
    if not key:
        return LookupResult("not_found", query)
    rows = store.query(
        "SELECT n.code, n.name AS matched, n.source, c.name FROM country_names n "
        "JOIN countries c ON c.code = n.code WHERE n.key = ?",
        (key,),
    )
    by_code: dict[str, Match] = {}
    for row in rows:
        if row["code"] not in by_code:
            by_code[row["code"]] = Match(row["code"], row["name"], row["matched"], row["source"])
    if len(by_code) == 1:
        return LookupResult("found", query, next(iter(by_code.values())))
    if by_code:
        return LookupResult("ambiguous", query, candidates=sorted(by_code.values(),
                                                                  key=lambda m: m.name))
    words = _word_matches(store, key)
    if len(words) == 1:
        return LookupResult("found", query, words[0])
    fuzzy = _fuzzy(store, query, key)
    if fuzzy.status == "not_found" and words:
        return LookupResult("ambiguous", query, candidates=words[:8])
    return fuzzy


def fts_query(text: str) -> str:
    """A safe FTS5 query: every word of ``text`` as a quoted prefix, all required."""
    return " ".join(f'"{word}"*' for word in fold(text).split())


def _word_matches(store: Store, key: str) -> list[Match]:
    """Countries whose names contain every word of ``key`` (as word prefixes)."""
    if len(key) < 3:
        return []
    rows = store.query(
        "SELECT c.code, c.name FROM country_search_fts f JOIN country_search s "
        "ON s.rowid = f.rowid JOIN countries c ON c.code = s.code "
        "WHERE country_search_fts MATCH ? ORDER BY c.name LIMIT 50",
        (fts_query(key),),
    )
    return [Match(r["code"], r["name"], r["name"], "partial", fuzzy=True, score=100.0)
            for r in rows]


def _fuzzy(store: Store, query: str, key: str) -> LookupResult:
    from rapidfuzz import fuzz, process

    rows = store.query(
        "SELECT n.key, n.code, n.name AS matched, n.source, c.name FROM country_names n "
        "JOIN countries c ON c.code = n.code WHERE n.source NOT IN ('alpha-2','alpha-3','numeric')"
    )
    keys = [row["key"] for row in rows]
    best: dict[str, Match] = {}
    # Plain edit-distance ratio, with word order ignored ("Korea South"); partial-match
    # scorers are avoided because they make "Kenia" look like "Armenia".
    for _choice, score, index in process.extract(key, keys, scorer=fuzz.token_sort_ratio,
                                                 limit=25):
        row = rows[index]
        score = max(score, fuzz.ratio(key, row["key"]))
        current = best.get(row["code"])
        if current is None or score > current.score:
            best[row["code"]] = Match(row["code"], row["name"], row["matched"], row["source"],
                                      fuzzy=True, score=round(score, 1))
    ranked = sorted(best.values(), key=lambda m: (-m.score, m.name))
    if not ranked or ranked[0].score < SUGGEST_FLOOR:
        return LookupResult("not_found", query, candidates=ranked[:0])
    top = ranked[0]
    runners = [m for m in ranked[1:] if top.score - m.score < FUZZY_MARGIN]
    if top.score >= FUZZY_ACCEPT and not runners:
        return LookupResult("found", query, top)
    close = [top, *runners] if top.score >= FUZZY_ACCEPT else ranked[:3]
    status: Literal["ambiguous", "not_found"] = (
        "ambiguous" if top.score >= FUZZY_ACCEPT else "not_found"
    )
    return LookupResult(status, query, candidates=close[:5])


def resolve_country(store: Store, query: str) -> Match:
    """The single country ``query`` names, or a NotFoundError / AmbiguousError to show."""
    result = lookup_country(store, query)
    if result.status == "found" and result.match:
        return result.match
    shown = query if len(query) <= 60 else query[:57] + "..."
    exact = [m for m in result.candidates if not m.fuzzy or m.source == "partial"]
    if result.status == "ambiguous" and exact:
        # A name several countries really have (Congo, Korea), or words in several names.
        names = [m.describe() for m in result.candidates]
        raise AmbiguousError(f"{shown!r} could mean: {'; '.join(names)}", names)
    hint = ""
    if result.candidates:
        hint = "; did you mean: " + ", ".join(m.describe() for m in result.candidates) + "?"
    raise NotFoundError(f"no country or region matches {shown!r}{hint}")
