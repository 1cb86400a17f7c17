"""The dated risk facts about the country a request's work concerns, each with its source and date.

Whose facts: the country itself; for in-country work for the European Union (not a country),
the host country where the work takes place. A special administrative region or dependent
territory with no entry of its own in a dated list shows its administering state's entry, and
says so (``via``). Travel advice, the conflict register and incidents are about the place
itself and are never borrowed.

:meth:`RiskFacts.snapshot` is what an assessment stores; comparing it with today's facts says
which fact changed (old -> new).
"""

from __future__ import annotations

from typing import Any

from catalogue.core.osja.vocabulary import DP_RETAINED, DP_STATUSES
from catalogue.core.rules.advice import LEVELS, current_advice
from catalogue.core.store import Store


class RiskFacts:
    """A plain class, not a dataclass: the country card (the quick lookup) builds one, and
    defining dataclasses costs more import time than the lookup itself."""

    __slots__ = ("code", "conflict", "death_penalty", "host_of", "hr_priority", "incidents",
                 "name", "sanctions", "travel_advice")

    def __init__(self, code: str, name: str, host_of: str | None = None) -> None:
        self.code = code  # whose facts these are (the host country for EU work)
        self.name = name
        self.host_of = host_of  # the request's own country, when these are a host's facts
        self.death_penalty: dict[str, Any] | None = None
        self.sanctions: dict[str, Any] = {}
        self.hr_priority: dict[str, Any] = {}
        self.travel_advice: dict[str, Any] | None = None
        self.conflict: dict[str, Any] | None = None
        self.incidents: list[dict[str, Any]] = []

    def __deepcopy__(self, memo: dict[int, Any]) -> RiskFacts:
        import copy

        other = RiskFacts(self.code, self.name, self.host_of)
        for key in self.__slots__:
            setattr(other, key, copy.deepcopy(getattr(self, key), memo))
        return other

    @property
    def death_penalty_retained(self) -> bool:
        return bool(self.death_penalty and self.death_penalty["status"] in DP_RETAINED)

    @property
    def has_sanctions(self) -> bool:
        return bool(self.sanctions.get("regimes"))

    @property
    def on_hr_list(self) -> bool:
        return bool(self.hr_priority.get("on_list"))

    @property
    def advice_against(self) -> bool:
        return bool(self.travel_advice and self.travel_advice["level"] != "none")

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "host_of": self.host_of,
                "death_penalty": self.death_penalty, "sanctions": self.sanctions,
                "hr_priority": self.hr_priority, "travel_advice": self.travel_advice,
                "conflict": self.conflict, "incidents": self.incidents,
                "lines": fact_lines(self)}

    def snapshot(self) -> dict[str, dict[str, Any]]:
        """Each fact as a comparable value plus the line shown for it (with date and source)."""
        lines = dict(fact_lines(self, keyed=True))
        dp = self.death_penalty
        advice = self.travel_advice
        return {
            "facts_country": {"value": self.code, "shown": f"{self.name} ({self.code})"},
            "death_penalty": {"value": dp["status"] if dp else None,
                              "shown": lines["death_penalty"]},
            "sanctions": {"value": sorted(r["regime"] for r in self.sanctions.get("regimes", [])),
                          "shown": lines["sanctions"]},
            "hr_priority": {"value": self.on_hr_list, "shown": lines["hr_priority"]},
            "travel_advice": {"value": [advice["level"], advice.get("part")] if advice else None,
                              "shown": lines["travel_advice"]},
            "conflict": {"value": [True, self.conflict.get("part")] if self.conflict else None,
                         "shown": lines["conflict"]},
            "incidents": {"value": [i["id"] for i in self.incidents],
                          "shown": lines["incidents"]},
        }


FACT_LABELS = {
    "facts_country": "Country whose facts apply",
    "death_penalty": "Death penalty",
    "sanctions": "UK sanctions",
    "hr_priority": "Human-rights priority list",
    "travel_advice": "FCDO travel advice",
    "conflict": "Armed conflict / occupation register",
    "incidents": "Serious incidents",
    "scope": "Scope of the request",
}


def _administering(store: Store, country: dict[str, Any]) -> dict[str, Any] | None:
    name = country.get("administered_by")
    if not name:
        return None
    row = store.one("SELECT code, name FROM countries WHERE name = ? OR iso_name = ? "
                    "OR official_name = ? LIMIT 1", (name, name, name))
    return dict(row) if row is not None else None


def _death_penalty(store: Store, code: str, via: dict[str, Any] | None) -> dict[str, Any] | None:
    for source, label in ((code, None), ((via or {}).get("code"), (via or {}).get("name"))):
        if not source:
            continue
        row = store.one("SELECT * FROM death_penalty WHERE code = ?", (source,))
        if row is not None:
            data = dict(row)
            data["label"] = DP_STATUSES[data["status"]]
            data["unconfirmed"] = bool(data["unconfirmed"])
            data["via"] = label
            return data
    return None


def _sanctions(store: Store, code: str, via: dict[str, Any] | None,
               list_as_of: str | None) -> dict[str, Any]:
    for source, label in ((code, None), ((via or {}).get("code"), (via or {}).get("name"))):
        if not source:
            continue
        rows = [{"regime": r["regime"], "source": r["source"], "as_of": r["as_of"]}
                for r in store.query("SELECT regime, source, as_of FROM sanctions_regimes "
                                     "WHERE code = ? ORDER BY line", (source,))]
        if rows:
            return {"regimes": rows, "list_as_of": list_as_of, "via": label}
    return {"regimes": [], "list_as_of": list_as_of, "via": None}


def _hr_priority(store: Store, code: str, via: dict[str, Any] | None) -> dict[str, Any]:
    current = store.one("SELECT year, published, title FROM hr_priority_lists WHERE current = 1")
    if current is None:
        return {"on_list": False, "year": None, "title": None, "published": None, "via": None}
    base = {"year": current["year"], "title": current["title"],
            "published": current["published"]}
    for source, label in ((code, None), ((via or {}).get("code"), (via or {}).get("name"))):
        if not source:
            continue
        entry = store.one("SELECT name FROM hr_priority_entries WHERE code = ? AND year = ?",
                          (source, current["year"]))
        if entry is not None:
            return {**base, "on_list": True, "entry": entry["name"], "via": label}
    return {**base, "on_list": False, "entry": None, "via": None}


def questions_doc(store: Store) -> dict[str, Any]:
    from catalogue.core.rules.stored import stored_json

    raw = store.scalar("SELECT value FROM osja WHERE key = 'questions'")
    return stored_json(raw, "OSJA question set") if raw else {"edition": {}, "questions": []}


def gather_risk(store: Store, country: dict[str, Any], host: dict[str, Any] | None = None, *,
                questions: dict[str, Any] | None = None) -> RiskFacts:
    """The dated risk facts for ``country`` (or for ``host``, where EU work takes place);
    ``questions``: the OSJA question set, when the caller has read it already."""
    place = host or country
    code = str(place["code"])
    via = _administering(store, place)
    facts = RiskFacts(code=code, name=str(place["name"]),
                      host_of=str(country["name"]) if host else None)
    facts.death_penalty = _death_penalty(store, code, via)
    doc = questions if questions is not None else questions_doc(store)
    facts.sanctions = _sanctions(store, code, via, doc.get("sanctions_list_as_of"))
    facts.hr_priority = _hr_priority(store, code, via)
    facts.travel_advice = current_advice(store, code)
    from catalogue.core.osja.registers import conflict_entry, incidents

    facts.conflict = conflict_entry(store, code)
    codes = {code, str(country["code"])}
    facts.incidents = [i for c in sorted(codes) for i in incidents(store, c)]
    return facts


def _via(entry: dict[str, Any] | None, name: str) -> str:
    if entry and entry.get("via"):
        return f" ({name} has no entry of its own: its administering state {entry['via']}'s)"
    return ""


def fact_lines(f: RiskFacts, keyed: bool = False) -> list[Any]:
    """One line per fact, each with its date and source (shown wherever the fact is used)."""
    lines: list[tuple[str, str]] = []
    dp = f.death_penalty
    if dp:
        warn = (" [unconfirmed: no published excerpt supports the current category; check it]"
                if dp["unconfirmed"] else "")
        who = (f"{dp['via']}, the administering state of {f.name} (which has no entry of its "
               f"own)," if dp.get("via") else f.name)
        lines.append(("death_penalty", f"{who} {dp['label']} (source: {dp['source']}, as of "
                      f"{dp['as_of']}){warn}"))
    else:
        lines.append(("death_penalty", f"no death-penalty status recorded for {f.name} "
                      "(data/death-penalty-status.csv): check it"))
    s = f.sanctions
    if s.get("regimes"):
        regimes = "; ".join(f"{r['regime']} (source: {r['source']}, as of {r['as_of']})"
                            for r in s["regimes"])
        lines.append(("sanctions", f"{regimes}{_via(s, f.name)}; list as of "
                      f"{s.get('list_as_of') or 'unknown'}"))
    else:
        lines.append(("sanctions", f"no UK country sanctions regime for {f.name} in the list as "
                      f"of {s.get('list_as_of') or 'unknown'} (thematic regimes may still apply)"))
    hr = f.hr_priority
    if hr.get("year") is None:
        lines.append(("hr_priority", "no FCDO human rights priority list is recorded"))
    elif hr["on_list"]:
        lines.append(("hr_priority", f"{f.name}: on the FCDO {hr['year']} list as "
                      f"\"{hr['entry']}\"{_via(hr, f.name)} ({hr['title']}, published "
                      f"{hr['published']})"))
    else:
        lines.append(("hr_priority", f"{f.name}: not on the FCDO {hr['year']} list "
                      f"({hr['title']}, published {hr['published']})"))
    a = f.travel_advice
    if a:
        part = f" ({a['part']})" if a.get("part") else ""
        lines.append(("travel_advice", f"{LEVELS.get(a['level'], a['level'])}{part}, as of "
                      f"{a['as_of']} ({a['origin']})"))
    else:
        lines.append(("travel_advice", f"none recorded for {f.name} (catalogue advice set ...)"))
    c = f.conflict
    if c:
        where = c.get("part") or "the whole country"
        note = f"; {c['note']}" if c.get("note") else ""
        lines.append(("conflict", f"recorded for {where}, as of {c['as_of']} (your register, by "
                      f"{c['set_by']}){note}"))
    else:
        lines.append(("conflict", f"nothing recorded for {f.name} (catalogue conflict set ...); "
                      "where in doubt whether there is an armed conflict, assume there is"))
    if f.incidents:
        lines.append(("incidents", "; ".join(f"{i['occurred_on']}: {i['note']} (recorded by "
                                             f"{i['recorded_by']})" for i in f.incidents)))
    else:
        lines.append(("incidents", "none recorded"))
    if keyed:
        return lines
    return [{"fact": k, "label": FACT_LABELS[k], "text": t} for k, t in lines]
