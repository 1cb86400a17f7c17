"""Countries, entities, territories, aliases, UN M49 regions and liaison areas."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from catalogue.core.data.fields import Record, check_unique, records
from catalogue.core.data.textfiles import parse_toml, read_csv, read_text
from catalogue.core.names import flag_emoji, fold

ASSISTED_KINDS = (
    "sovereign-state",
    "overseas-territory",
    "special-administrative-region",
    "supranational-union",
)
TERRITORY_KINDS = (
    "overseas-territory",
    "crown-dependency",
    "special-administrative-region",
    "dependent-territory",
    "disputed-territory",
    "uninhabited-territory",
)
UK_MISSIONS = ("high-commission", "embassy", "consulate-general", "governor", "mission-to-eu")


@dataclass
class Geography:
    countries: dict[str, dict[str, Any]] = field(default_factory=dict)
    names: list[dict[str, Any]] = field(default_factory=list)
    areas: list[dict[str, Any]] = field(default_factory=list)
    hr_lists: list[dict[str, Any]] = field(default_factory=list)
    hr_entries: list[dict[str, Any]] = field(default_factory=list)


def _iso_countries() -> dict[str, dict[str, Any]]:
    import pycountry

    result = {}
    for c in pycountry.countries:
        iso_name = c.name
        result[c.alpha_2] = {
            "code": c.alpha_2,
            "alpha3": c.alpha_3,
            "numeric": c.numeric,
            "iso_name": iso_name,
            "name": getattr(c, "common_name", None) or iso_name,
            "official_name": getattr(c, "official_name", None) or iso_name,
            "listed_as": None,
            "kind": "sovereign-state",
            "administered_by": None,
            "assisted": 0,
            "uk_mission": None,
            "region": None,
            "subregion": None,
            "intermediate": None,
            "m49": c.numeric,
            "liaison_area": None,
            "liaison_area_name": None,
            "hr_priority": 0,
            "hr_priority_year": None,
            "flag": flag_emoji(c.alpha_2),
            "note": None,
        }
    return result


def load_geography(root: Path) -> Geography:
    countries = _iso_countries()
    _load_entities(root, countries)
    _load_m49(root, countries)
    _load_territories(root, countries)
    _load_assisted(root, countries)
    names = _load_names(root, countries)
    geo = Geography(countries=countries, names=names)
    _load_areas(root, geo)
    _load_hr_lists(root, geo)
    return geo


def _load_entities(root: Path, countries: dict[str, dict[str, Any]]) -> None:
    file = read_text(root / "entities.toml", root)
    doc = parse_toml(file)
    items = records(file, doc, "entity", "entity", key="code")
    for record in items:
        record.known({"code", "alpha3", "name", "official_name", "kind", "note"})
    iso_alpha3 = {c["alpha3"] for c in countries.values()}
    for code, record in check_unique(items, "code").items():
        if code in countries:
            raise record.fail(f"code {code!r} is already an ISO 3166-1 country", "code")
        if len(code) != 2 or not code.isupper() or not code.isalpha():
            raise record.fail(f"code {code!r} must be two capital letters", "code")
        alpha3 = record.text("alpha3", required=False) or None
        if alpha3 is not None and (len(alpha3) != 3 or not alpha3.isupper()
                                   or not alpha3.isalpha()):
            raise record.fail(f"alpha3 {alpha3!r} must be three capital letters", "alpha3")
        if alpha3 in iso_alpha3:
            raise record.fail(f"alpha3 {alpha3!r} is already an ISO 3166-1 code", "alpha3")
        name = record.text("name")
        countries[code] = {
            **dict.fromkeys(next(iter(countries.values())).keys()),
            "code": code,
            "alpha3": alpha3,
            "iso_name": None,
            "name": name,
            "official_name": record.text("official_name", required=False) or name,
            "kind": record.text("kind", choices=ASSISTED_KINDS),
            "assisted": 0,
            "hr_priority": 0,
            "flag": flag_emoji(code),
            "note": record.text("note", required=False) or None,
        }


def _load_m49(root: Path, countries: dict[str, dict[str, Any]]) -> None:
    file = read_text(root / "un-m49.csv", root)
    columns = ["alpha2", "m49", "region", "subregion", "intermediate"]
    for row in read_csv(file, columns):
        code = row.get("alpha2")
        if code not in countries:
            raise file.fail(row.line, f"unknown ISO 3166-1 alpha-2 code {code!r}")
        entry = countries[code]
        entry["region"] = row.get("region") or None
        entry["subregion"] = row.get("subregion") or None
        entry["intermediate"] = row.get("intermediate") or None
        entry["m49"] = row.get("m49") or entry["m49"]


def _load_territories(root: Path, countries: dict[str, dict[str, Any]]) -> None:
    file = read_text(root / "territories.csv", root)
    for row in read_csv(file, ["code", "kind", "administered_by"]):
        code = row.get("code")
        if code not in countries:
            raise file.fail(row.line, f"unknown ISO 3166-1 alpha-2 code {code!r}")
        kind = row.get("kind")
        if kind not in TERRITORY_KINDS:
            raise file.fail(row.line, f"kind {kind!r} is not one of: {', '.join(TERRITORY_KINDS)}")
        countries[code]["kind"] = kind
        countries[code]["administered_by"] = row.get("administered_by") or None


def _load_assisted(root: Path, countries: dict[str, dict[str, Any]]) -> None:
    file = read_text(root / "countries-assisted.csv", root)
    seen: dict[str, int] = {}
    for row in read_csv(file, ["listed_as", "code", "kind", "uk_mission", "note"]):
        code, listed_as = row.get("code"), row.get("listed_as")
        if not listed_as:
            raise file.fail(row.line, "listed_as must not be empty")
        if code not in countries:
            raise file.fail(row.line, f"unknown ISO 3166-1 alpha-2 code {code!r} for {listed_as!r}")
        if code in seen:
            raise file.fail(row.line, f"duplicate code {code!r} (first used on line {seen[code]})")
        seen[code] = row.line
        kind = row.get("kind")
        if kind not in ASSISTED_KINDS:
            raise file.fail(row.line, f"kind {kind!r} is not one of: {', '.join(ASSISTED_KINDS)}")
        mission = row.get("uk_mission")
        if mission not in UK_MISSIONS:
            raise file.fail(row.line, f"uk_mission {mission!r} is not one of: {', '.join(UK_MISSIONS)}")
        entry = countries[code]
        entry.update(listed_as=listed_as, kind=kind, uk_mission=mission, assisted=1)
        if row.get("note"):
            entry["note"] = row.get("note")


def _load_names(root: Path, countries: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    file = read_text(root / "aliases.csv", root)
    rows: dict[tuple[str, str], dict[str, Any]] = {}

    def add(text: str | None, code: str, source: str) -> None:
        if not text:
            return
        key = fold(text)
        if key and (key, code) not in rows:
            rows[(key, code)] = {"key": key, "code": code, "name": text, "source": source}

    for row in read_csv(file, ["alias", "code", "common", "note"]):
        code, alias = row.get("code"), row.get("alias")
        if code not in countries:
            raise file.fail(row.line, f"unknown code {code!r} for alias {alias!r}")
        if not fold(alias):
            raise file.fail(row.line, "alias must contain letters or digits")
        if row.get("common") not in ("", "yes"):
            raise file.fail(row.line, f"common must be empty or yes, not {row.get('common')!r}")
        if row.get("common") == "yes":
            countries[code]["name"] = alias
        add(alias, code, "alias")
    for code, c in countries.items():
        add(c["listed_as"], code, "listed-as")
        add(c["name"], code, "common")
        add(c["iso_name"], code, "iso")
        add(c["official_name"], code, "official")
        add(code, code, "alpha-2")
        add(c["alpha3"], code, "alpha-3")
        if c["numeric"]:
            add(str(int(c["numeric"])), code, "numeric")
    return list(rows.values())


def _load_areas(root: Path, geo: Geography) -> None:
    file = read_text(root / "liaison-areas.toml", root)
    doc = parse_toml(file)
    about = doc.get("about")
    if not isinstance(about, dict) or "basis" not in about:
        raise file.fail(file.line_of_table("about"),
                        "[about] needs basis = \"where the areas come from, or that they are "
                        "a local assumption\"")
    about_record = Record(file, about, "[about]", key="basis")
    about_record.known({"basis"})
    basis = about_record.text("basis")
    items = records(file, doc, "area", "liaison area")
    for record in items:
        record.known({"id", "name", "description", "basis", "regions", "subregions",
                      "intermediates", "countries", "exclude"})
    check_unique(items, "id")
    known = {
        level: {c[level] for c in geo.countries.values() if c[level]}
        for level in ("region", "subregion", "intermediate")
    }
    owner: dict[str, str] = {}
    for position, record in enumerate(items, start=1):
        area_id, name = record.text("id"), record.text("name")
        selectors = {"region": record.text_list("regions", required=False),
                     "subregion": record.text_list("subregions", required=False),
                     "intermediate": record.text_list("intermediates", required=False)}
        for level, wanted in selectors.items():
            for value in wanted:
                if value not in known[level]:
                    raise record.fail(f"unknown UN M49 {level} {value!r}", level + "s"
                                      if level != "intermediate" else "intermediates")
        explicit = record.text_list("countries", required=False)
        exclude = record.text_list("exclude", required=False)
        for code in explicit + exclude:
            if code not in geo.countries:
                raise record.fail(f"unknown country code {code!r}", "countries")
        members = {
            code for code, c in geo.countries.items()
            if any(c[level] in wanted for level, wanted in selectors.items())
        }
        members = (members | set(explicit)) - set(exclude)
        for code in sorted(members):
            if code in owner:
                raise record.fail(
                    f"{code} ({geo.countries[code]['name']}) is already in liaison area "
                    f"{owner[code]!r}; a country may be in only one area"
                )
            owner[code] = area_id
            geo.countries[code]["liaison_area"] = area_id
            geo.countries[code]["liaison_area_name"] = name
        geo.areas.append({"id": area_id, "name": name, "position": position,
                          "description": record.text("description", required=False),
                          "basis": record.text("basis", required=False) or basis,
                          "country_count": len(members)})


def _load_hr_lists(root: Path, geo: Geography) -> None:
    file = read_text(root / "human-rights-priority.toml", root)
    doc = parse_toml(file)
    items = records(file, doc, "list", "priority list", key="year")
    years: dict[int, int] = {}
    for record in items:
        record.known({"year", "published", "title", "entries"})
        year = record.integer("year", 2000, 2100)
        assert year is not None
        if year in years:
            raise record.fail(f"duplicate list for year {year}", "year")
        years[year] = record.line or 0
    latest = max(years) if years else None
    for record in items:
        year = record.integer("year", 2000, 2100)
        entries = record.tables("entries")
        if not entries:
            raise record.fail("entries must list at least one country", "entries")
        for entry in entries:
            if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
                raise record.fail("each entry needs a name and codes", "entries")
            codes = entry.get("codes")
            if not isinstance(codes, list) or not codes:
                raise file.fail(file.line_containing(entry["name"]) or record.line,
                                f"entry {entry['name']!r} needs codes = [\"XX\"]")
            for code in codes:
                if code not in geo.countries:
                    raise file.fail(file.line_containing(entry["name"]) or record.line,
                                    f"unknown country code {code!r} in entry {entry['name']!r}")
                geo.hr_entries.append({"year": year, "name": entry["name"], "code": code})
                if year == latest:
                    geo.countries[code]["hr_priority"] = 1
                    geo.countries[code]["hr_priority_year"] = year
        geo.hr_lists.append({"year": year, "published": record.date("published", ("month", "day")),
                             "title": record.text("title"), "entry_count": len(entries),
                             "current": int(year == latest)})
    for c in geo.countries.values():
        if c["hr_priority_year"] is None:
            c["hr_priority_year"] = latest
    _territories_under_listed_states(geo.countries)


def _territories_under_listed_states(countries: dict[str, dict[str, Any]]) -> None:
    """A territory with no entry of its own is on the list when the state administering it
    is (Hong Kong and Macau under China), as its OSJA risk facts and card say; so lists,
    the priority filter and the map agree with the card."""
    by_name = {name: code for code, c in countries.items()
               for name in (c.get("name"), c.get("iso_name"), c.get("official_name")) if name}
    for c in countries.values():
        state = countries.get(by_name.get(c.get("administered_by") or "", ""))
        if not c["hr_priority"] and state is not None and state["hr_priority"]:
            c["hr_priority"] = 1
