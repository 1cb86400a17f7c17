"""The country card: everything a liaison officer needs about one country, as plain data.

Imported on the quick-lookup path (``catalogue country``): keep its imports light.
"""

from __future__ import annotations

from typing import Any

from catalogue.core.errors import NotFoundError
from catalogue.core.lookup import Match
from catalogue.core.store import Store


def country_row(store: Store, code: str) -> dict[str, Any]:
    row = store.one("SELECT * FROM countries WHERE code = ?", (code,))
    if row is None:
        raise NotFoundError(f"no country with code {code!r}")
    return dict(row)


def country_card(store: Store, match: Match | str, query: str | None = None) -> dict[str, Any]:
    """Everything a liaison officer needs on one screen, as plain data (JSON-ready).

    ``query``: what the user typed, quoted by the card when the match was not exact."""
    from catalogue.core.rules.baseline import KIND_LABELS, country_requirements
    from catalogue.core.rules.stored import stored_policy
    from catalogue.core.sensitivity import scheme_line, sensitivity_scheme
    from catalogue.core.trainers.results import country_history

    code = match if isinstance(match, str) else match.code
    c = country_row(store, code)
    policy = stored_policy(store)
    osja = _osja(store, c, policy)
    card: dict[str, Any] = {
        "code": c["code"],
        "names": {"listed_as": c["listed_as"], "common": c["name"],
                  "official": c["official_name"], "iso": c["iso_name"]},
        "codes": {"alpha2": c["code"] if c["iso_name"] else None, "alpha3": c["alpha3"],
                  "numeric": c["numeric"]},
        "flag": c["flag"],
        "kind": c["kind"],
        "kind_label": KIND_LABELS.get(c["kind"], c["kind"]),
        "administered_by": c["administered_by"],
        "region": {"region": c["region"], "subregion": c["subregion"],
                   "intermediate": c["intermediate"]},
        "liaison_area": c["liaison_area_name"],
        "liaison_area_basis": _area_basis(store, c["liaison_area"]),
        "assisted": bool(c["assisted"]),
        "human_rights_priority": _hr_priority(osja["risk_facts"]["hr_priority"]),
        "note": c["note"],
        "disciplines": _disciplines_on_offer(store),
        "sensitivity_scheme": scheme_line(sensitivity_scheme(store)),
        "approvals": [f.to_dict() for f in country_requirements(store, c, policy)],
        "deliveries": country_history(store, code).to_dict(),
        "osja": osja,
    }
    if not isinstance(match, str):
        card["match"] = {"query": query, "query_matched": match.matched, "source": match.source,
                         "fuzzy": match.fuzzy, "score": match.score}
    return card


def country_card_with_activity(store: Store, match: Match | str,
                               query: str | None = None) -> dict[str, Any]:
    """The card plus the country's programmes and open requests (``activity``), as both
    faces show it."""
    from catalogue.core.country_activity import country_activity

    card = country_card(store, match, query)
    card["activity"] = country_activity(store, card["code"])
    return card


def fuzzy_note(match: dict[str, Any] | None, name: str) -> str | None:
    """The card's note on a match that was not exact, quoting what was typed; None if exact."""
    if not match or not match.get("fuzzy"):
        return None
    typed = match.get("query") or match["query_matched"]
    if match["source"] == "partial":
        return f"no exact match for {typed!r}: {name} is the one country whose name has those words"
    return f"no exact match for {typed!r}; showing {name}, {match['score']:.0f}% similar"


def _hr_priority(facts: dict[str, Any]) -> dict[str, Any]:
    """The card's priority-list line, from the OSJA risk facts (one reading of the current
    list): a territory without an entry shows its administering state's, saying so (``via``)."""
    shown = {"priority": bool(facts.get("on_list")), "list_year": facts.get("year"),
             "list_title": facts.get("title"), "published": facts.get("published")}
    if facts.get("via"):
        shown["via"] = facts["via"]
    return shown


def _disciplines_on_offer(store: Store) -> list[dict[str, Any]]:
    """Every discipline in catalogue order, with its local sensitivity level and marking."""
    rows = store.query("SELECT d.id, d.title, d.sensitivity, s.marking FROM disciplines d "
                       "LEFT JOIN sensitivity_levels s ON s.id = d.sensitivity "
                       "ORDER BY d.position")
    return [dict(r) for r in rows]


def _area_basis(store: Store, area: str | None) -> str | None:
    row = store.one("SELECT basis FROM liaison_areas WHERE id = ?", (area,)) if area else None
    return str(row["basis"]) if row else None


def codes_line(card: dict[str, Any]) -> str:
    """The card's codes as one line: ISO codes, or an entity's own codes said to be so."""
    codes = card["codes"]
    if codes["alpha2"]:
        return " / ".join(filter(None, [codes["alpha2"], codes["alpha3"], codes["numeric"]]))
    own = " / ".join(filter(None, [card["code"], codes["alpha3"]]))
    return f"{own} (not an ISO 3166-1 country)"


def region_line(card: dict[str, Any]) -> str:
    """The card's UN M49 placing, or why it has none."""
    placing = " › ".join(filter(None, card["region"].values()))
    if placing:
        return placing
    return "(none)" if card["codes"]["alpha2"] else "(none: not in UN M49)"


class _NoScopeYet:
    """The facts the OSJA conditions look at, for a request with no training or audience yet:
    the country's risk facts only (a plain class: this is the quick lookup's path)."""

    in_country = False
    serving_officers = False
    coercive_units: list[Any] = []
    disciplines: list[Any] = []
    modules: list[Any] = []

    class scope:
        audience: list[str] = []

    def __init__(self, country: dict[str, Any], risk: Any, policy: dict[str, Any]) -> None:
        self.country = country
        self.risk = risk
        self.policy = policy

    @property
    def country_facts(self) -> dict[str, str]:
        from catalogue.core.rules.baseline import KIND_LABELS

        c = self.country
        return {"country": c["name"], "code": c["code"],
                "kind": KIND_LABELS.get(c["kind"], c["kind"])}


def _osja(store: Store, country: dict[str, Any], policy: dict[str, Any]) -> dict[str, Any]:
    """The dated risk facts, the OSJA prompts that apply to any request here (more apply once
    the training and audience are known) and the suggested minimum level (local practice)."""
    from catalogue.core.osja.prompts import prompts_for, suggest
    from catalogue.core.osja.riskfacts import gather_risk, questions_doc

    doc = questions_doc(store)
    facts: Any = _NoScopeYet(country, gather_risk(store, country, questions=doc), policy)
    return {"risk_facts": facts.risk.to_dict(),
            "prompts": [p.to_dict() for p in prompts_for(facts, doc.get("questions", []))],
            "guidance_edition": doc.get("edition", {}),
            "suggested_minimum": suggest(facts).to_dict()}
