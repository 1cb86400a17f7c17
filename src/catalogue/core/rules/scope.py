"""What a request (or a quick query) asks for: the input of the rules engine.

:func:`build_scope` turns what a user typed (any country name, discipline titles, rank names)
into a :class:`Scope` of ids; the CLI and the TUI both use it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from catalogue.core.errors import InvalidInputError, NotFoundError
from catalogue.core.names import fold
from catalogue.core.store import Store

LOCATIONS = {"uk": "in the UK", "in-country": "in the country", "remote": "remotely"}
DELIVERERS = {"staff": "staff", "associates": "associates", "serving-officers": "serving officers"}
MAX_COHORT = 10_000


@dataclass
class Scope:
    country: str  # resolved country code (e.g. "KE", "EU")
    disciplines: list[str] = field(default_factory=list)  # discipline ids
    modules: list[str] = field(default_factory=list)  # module ids
    location: str = "uk"  # "uk" | "in-country" | "remote"
    audience: list[str] = field(default_factory=list)  # level ids and/or unit tags
    cohort: int | None = None
    start: date | None = None
    end: date | None = None
    delivered_by: list[str] = field(default_factory=list)  # "staff" | "associates" | "serving-officers"
    ethics_concerns: list[str] = field(default_factory=list)
    jiph_refused: bool = False  # JIPH has said no to the IPAB
    host: str | None = None  # where in-country work for a body that is not a country takes place

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["start"] = self.start.isoformat() if self.start else None
        data["end"] = self.end.isoformat() if self.end else None
        return data


def check_scope(scope: Scope) -> None:
    """The checks that do not need the database: location, deliverers, cohort, dates."""
    if scope.location not in LOCATIONS:
        raise InvalidInputError(f"unknown location {scope.location!r}; choose one of: "
                                f"{', '.join(LOCATIONS)}")
    for who in scope.delivered_by:
        if who not in DELIVERERS:
            raise InvalidInputError(f"unknown deliverer {who!r}; choose from: "
                                    f"{', '.join(DELIVERERS)}")
    if scope.cohort is not None and not 1 <= scope.cohort <= MAX_COHORT:
        raise InvalidInputError(f"cohort {scope.cohort} must be between 1 and {MAX_COHORT}")
    if scope.start and scope.end and scope.end < scope.start:
        raise InvalidInputError(f"end date {scope.end} is before start date {scope.start}")


def resolve_discipline(store: Store, text: str) -> str:
    """A discipline id from its id or title; unknown names are kept as typed (the engine then
    raises the "no skills to deliver" flag). Ambiguous names are an error."""
    from catalogue.core.catalog import find_discipline

    try:
        return str(find_discipline(store, text)["id"])
    except NotFoundError:
        return text.strip()


def resolve_module(store: Store, text: str) -> str:
    """A module id (any case); unknown ids are kept as typed, like disciplines."""
    wanted = text.strip().lower()
    row = store.one("SELECT id FROM modules WHERE id = ?", (wanted,))
    return str(row["id"]) if row else text.strip()


def audience_choices(store: Store) -> dict[str, str]:
    """Every audience id the engine understands: ranks, then unit tags, with their names."""
    from catalogue.core.rules.stored import stored_policy

    choices = {r["id"]: r["name"] for r in store.query("SELECT id, name FROM levels ORDER BY rank")}
    for unit in stored_policy(store).get("units", []):
        choices[unit["id"]] = unit["label"]
    return choices


def resolve_audience(store: Store, text: str) -> str:
    choices = audience_choices(store)
    wanted = fold(text)
    for ident, name in choices.items():
        if wanted in (fold(ident), fold(name)):
            return ident
    raise InvalidInputError(f"unknown audience {text!r}; choose from: {', '.join(choices)}")


def _choice(text: str, options: dict[str, str], what: str) -> str:
    wanted = fold(text).replace(" ", "-")
    for ident, label in options.items():
        if wanted in (ident, fold(label).replace(" ", "-")):
            return ident
    raise InvalidInputError(f"unknown {what} {text!r}; choose one of: {', '.join(options)}")


def build_scope(store: Store, country: str, *, disciplines: list[str] | tuple[str, ...] = (),
                modules: list[str] | tuple[str, ...] = (), location: str = "uk",
                audience: list[str] | tuple[str, ...] = (), cohort: int | None = None,
                start: date | None = None, end: date | None = None,
                delivered_by: list[str] | tuple[str, ...] = (),
                ethics_concerns: list[str] | tuple[str, ...] = (),
                jiph_refused: bool = False, host: str | None = None) -> Scope:
    """A checked Scope from user text: ``country`` in any form ``catalogue country`` accepts."""
    code = country_code_of(store, country)
    scope = Scope(
        country=code,
        disciplines=_unique(resolve_discipline(store, d) for d in disciplines if d.strip()),
        modules=_unique(resolve_module(store, m) for m in modules if m.strip()),
        location=_choice(location, LOCATIONS, "location"),
        audience=_unique(resolve_audience(store, a) for a in audience if a.strip()),
        cohort=cohort, start=start, end=end,
        delivered_by=_unique(_choice(d, DELIVERERS, "deliverer") for d in delivered_by),
        ethics_concerns=[c.strip() for c in ethics_concerns if c.strip()],
        jiph_refused=jiph_refused,
        host=resolve_host(store, code, host),
    )
    check_scope(scope)
    return scope


def country_code_of(store: Store, text: str) -> str:
    from catalogue.core.lookup import resolve_country

    return resolve_country(store, text).code


def resolve_host(store: Store, country: str, host: str | None) -> str | None:
    """The host country's code, for work for a body that is not a country (the EU)."""
    if host is None or not host.strip():
        return None
    from catalogue.core.lookup import resolve_country

    kind = store.scalar("SELECT kind FROM countries WHERE code = ?", (country,))
    if kind != "supranational-union":
        raise InvalidInputError("a host country names the country where in-country work for the "
                                "European Union takes place; this request's country is itself "
                                "the host")
    code = resolve_country(store, host).code
    if store.scalar("SELECT kind FROM countries WHERE code = ?", (code,)) == "supranational-union":
        raise InvalidInputError("the host must be a country, not a union of countries")
    return code


def _unique(items: Any) -> list[str]:
    seen: list[str] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


def scope_changes(store: Store, *, country: str | None = None,
                  disciplines: list[str] | tuple[str, ...] | None = None,
                  modules: list[str] | tuple[str, ...] | None = None,
                  location: str | None = None,
                  audience: list[str] | tuple[str, ...] | None = None,
                  delivered_by: list[str] | tuple[str, ...] | None = None,
                  host: str | None = None, current_country: str | None = None
                  ) -> dict[str, Any]:
    """The scope fields given (not None), resolved from user text like :func:`build_scope`."""
    from catalogue.core.lookup import resolve_country

    changes: dict[str, Any] = {}
    if country is not None:
        changes["country"] = resolve_country(store, country).code
    if disciplines is not None:
        changes["disciplines"] = _unique(resolve_discipline(store, d) for d in disciplines
                                         if d.strip())
    if modules is not None:
        changes["modules"] = _unique(resolve_module(store, m) for m in modules if m.strip())
    if location is not None:
        changes["location"] = _choice(location, LOCATIONS, "location")
    if audience is not None:
        changes["audience"] = _unique(resolve_audience(store, a) for a in audience if a.strip())
    if delivered_by is not None:
        changes["delivered_by"] = _unique(_choice(d, DELIVERERS, "deliverer")
                                          for d in delivered_by)
    if host is None and "country" in changes and changes["country"] != current_country:
        changes["host_country"] = None  # a host belongs to the country it was given for
    if host is not None:
        owner = changes.get("country") or current_country or ""
        changes["host_country"] = resolve_host(store, owner, host) if host.strip() else None
    return changes
