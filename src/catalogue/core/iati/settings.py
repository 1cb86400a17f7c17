"""The organisation's IATI settings (``data/iati.toml``) and DAC sector codes
(``data/dac-sectors.toml``), checked on load with ``file:line`` on any mistake.

Both files are read by the seeder into the one-row ``iati_settings`` reference table, so a
mistake stops loading like any other data file; the export reads the stored copy. An empty
organisation identifier is allowed in the file (the shipped one has none): the export then
refuses, naming the line to fill in (:func:`require_reporting_org`).
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from catalogue.core.data.textfiles import TextFile, parse_toml, read_text
from catalogue.core.errors import DataFileError
from catalogue.core.requests.states import STATES

if TYPE_CHECKING:
    from catalogue.core.ref_table import RefTable
    from catalogue.core.store import Store

SETTINGS_FILE = "iati.toml"
SECTORS_FILE = "dac-sectors.toml"
#: Keys of [activity-status] besides the request states.
EXTRA_STATUS_KEYS = ("scheduled-and-started", "no-request")
BUDGET_CHOICES = ("withheld", "estimate")
_CODE = re.compile(r"^\d{5}$")
_LANGUAGE = re.compile(r"^[a-z]{2}$")


@dataclass(frozen=True)
class ReportingOrg:
    ref: str
    name: str
    type: str
    #: Where each is set, for the error that asks for it: "data/iati.toml", line numbers.
    file: str
    lines: dict[str, int]


@dataclass(frozen=True)
class SectorShare:
    code: str
    share: int


@dataclass(frozen=True)
class IatiSettings:
    org: ReportingOrg
    activity_id: str
    language: str
    budget_report: str
    not_provided: str
    status: dict[str, str]
    status_basis: str
    codelists: dict[str, dict[str, str]]
    codelists_source: str
    codelists_updated: str
    sectors: dict[str, list[SectorShare]]
    sector_names: dict[str, str]
    sector_basis: dict[str, str]
    sectors_source: dict[str, str]

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> IatiSettings:
        data = json.loads(text)
        data["org"] = ReportingOrg(**data["org"])
        data["sectors"] = {k: [SectorShare(**s) for s in v] for k, v in data["sectors"].items()}
        return cls(**data)


def _line(file: TextFile, key: str, section: str | None = None) -> int | None:
    """The line of ``key =`` (inside ``[section]`` when given)."""
    current: str | None = None
    pattern = re.compile(r"^\s*\"?" + re.escape(key) + r"\"?\s*=")
    for number, line in enumerate(file.text.splitlines(), start=1):
        header = re.match(r"^\s*\[([^\]\[]+)\]\s*$", line)
        if header:
            current = header.group(1).strip()
        elif (section is None or current == section) and pattern.match(line):
            return number
    return file.line_of_table(section) if section else None


def _table(file: TextFile, doc: dict[str, Any], name: str) -> dict[str, Any]:
    table = doc.get(name)
    if not isinstance(table, dict):
        raise file.fail(None, f"missing the [{name}] table")
    return table


def _text(file: TextFile, table: dict[str, Any], section: str, key: str, *,
          empty: bool = False) -> str:
    value = table.get(key)
    if value is None:
        raise file.fail(file.line_of_table(section), f"[{section}] is missing {key!r}")
    if not isinstance(value, str) or (not empty and not value.strip()):
        raise file.fail(_line(file, key, section), f"[{section}] {key!r} must be text in quotes")
    return " ".join(value.split())


def _date(file: TextFile, table: dict[str, Any], section: str, key: str) -> str:
    """A ``YYYY-MM-DD`` field, by the shared strict date check (file:line when it is wrong)."""
    return file.checked_date(_line(file, key, section), _text(file, table, section, key),
                             f"[{section}] {key!r}")


def _code(file: TextFile, table: dict[str, Any], section: str, key: str,
          codes: dict[str, str], listname: str) -> str:
    value = table.get(key)
    text = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) \
        else None
    if value is None:
        raise file.fail(file.line_of_table(section), f"[{section}] is missing {key!r}")
    if text not in codes:
        raise file.fail(_line(file, key, section),
                        f"[{section}] {key} = {value!r} is not in the IATI {listname} "
                        "codelist; the codes are: " + ", ".join(f"{c} {n}" for c, n in codes.items()))
    return text


def _codelists(file: TextFile, doc: dict[str, Any]) -> dict[str, dict[str, str]]:
    lists = _table(file, doc, "codelists")
    out: dict[str, dict[str, str]] = {}
    for name in ("ActivityStatus", "BudgetNotProvided", "OrganisationType"):
        entries = lists.get(name)
        section = f"codelists.{name}"
        if not isinstance(entries, dict) or not entries:
            raise file.fail(file.line_of_table("codelists"), f"missing the [{section}] table")
        for code, label in entries.items():
            if not code.isdigit() or not isinstance(label, str) or not label.strip():
                raise file.fail(_line(file, code, section),
                                f"[{section}] entries are code = \"name\", e.g. 1 = \"Pipeline\"")
        out[name] = {code: " ".join(label.split()) for code, label in entries.items()}
    return out


def load_settings(root: Path) -> dict[str, Any]:
    """``data/iati.toml``, checked; the fields of :class:`IatiSettings` it provides."""
    file = read_text(root / SETTINGS_FILE, root)
    doc = parse_toml(file)
    for key in doc:
        if key not in ("reporting-org", "defaults", "budget", "activity-status", "codelists"):
            raise file.fail(_line(file, key) or file.line_of_table(key),
                            f"unknown table or setting {key!r}")
    codelists = _codelists(file, doc)
    lists = doc["codelists"]
    org = _table(file, doc, "reporting-org")
    section = "reporting-org"
    ref = _text(file, org, section, "ref", empty=True)
    if ref and not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", ref):
        raise file.fail(_line(file, "ref", section), f"ref {ref!r} is not an organisation "
                        "identifier (letters, digits, '-', '.' and '_', e.g. \"GB-GOV-1\")")
    org_type = str(org.get("type", "")).strip()
    if org_type and org_type not in codelists["OrganisationType"]:
        _code(file, org, section, "type", codelists["OrganisationType"], "OrganisationType")
    activity_id = _text(file, org, section, "activity_id")
    if "{id}" not in activity_id or not re.fullmatch(r"[A-Za-z0-9._{}-]+", activity_id):
        raise file.fail(_line(file, "activity_id", section), "activity_id must contain {id} "
                        "and only letters, digits, '-', '.' and '_', e.g. \"programme-{id}\"")
    language = _text(file, _table(file, doc, "defaults"), "defaults", "language")
    if not _LANGUAGE.fullmatch(language):
        raise file.fail(_line(file, "language", "defaults"),
                        "language must be a two-letter ISO 639-1 code, e.g. \"en\"")
    budget = _table(file, doc, "budget")
    report = _text(file, budget, "budget", "report")
    if report not in BUDGET_CHOICES:
        raise file.fail(_line(file, "report", "budget"),
                        f"report must be one of: {', '.join(BUDGET_CHOICES)}")
    status_table = _table(file, doc, "activity-status")
    known = {*STATES, *EXTRA_STATUS_KEYS, "basis"}
    for key in status_table:
        if key not in known:
            raise file.fail(_line(file, key, "activity-status"),
                            f"[activity-status] {key!r} is not a request state; the keys are: "
                            f"{', '.join([*STATES, *EXTRA_STATUS_KEYS])}")
    status = {key: _code(file, status_table, "activity-status", key, codelists["ActivityStatus"],
                         "ActivityStatus") for key in (*STATES, *EXTRA_STATUS_KEYS)}
    return {
        "org": ReportingOrg(ref=ref, name=_text(file, org, section, "name", empty=True),
                            type=org_type, file=file.display,
                            lines={k: _line(file, k, section) or 0 for k in ("ref", "name", "type")}),
        "activity_id": activity_id,
        "language": language,
        "budget_report": report,
        "not_provided": _code(file, budget, "budget", "not_provided",
                              codelists["BudgetNotProvided"], "BudgetNotProvided"),
        "status": status,
        "status_basis": _text(file, status_table, "activity-status", "basis"),
        "codelists": codelists,
        "codelists_source": _text(file, lists, "codelists", "source"),
        "codelists_updated": _date(file, lists, "codelists", "updated"),
    }


def _discipline_ids(root: Path) -> list[str]:
    ids = []
    for path in sorted((root / "disciplines").glob("*.toml")):
        doc = parse_toml(read_text(path, root))
        discipline = doc.get("discipline")
        if isinstance(discipline, dict) and isinstance(discipline.get("id"), str):
            ids.append(discipline["id"])
    return ids


def load_sectors(root: Path) -> dict[str, Any]:
    """``data/dac-sectors.toml``, checked against itself and the disciplines."""
    file = read_text(root / SECTORS_FILE, root)
    doc = parse_toml(file)
    source = _table(file, doc, "source")
    sectors_source = {key: (_date if key == "updated" else _text)(file, source, "source", key)
                      for key in ("title", "publisher", "updated", "url")}
    names: dict[str, str] = {}
    for index, entry in enumerate(doc.get("code") or [], start=1):
        code = str(entry.get("code", "")).strip() if isinstance(entry, dict) else ""
        line = file.line_of("code", code) if code else None
        if not _CODE.fullmatch(code):
            raise file.fail(line, f"[[code]] number {index}: code must be a five-digit DAC "
                            "purpose code in quotes, e.g. code = \"15130\"")
        if code in names:
            raise file.fail(file.line_of("code", code, 2), f"code {code} is listed twice")
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise file.fail(line, f"code {code} needs its name from the list, in quotes")
        names[code] = " ".join(name.split())
    if not names:
        raise file.fail(None, "no [[code]] entries: list the DAC purpose codes used")
    disciplines = _discipline_ids(root)
    sectors: dict[str, list[SectorShare]] = {}
    basis: dict[str, str] = {}
    for entry in doc.get("discipline") or []:
        ident = entry.get("id") if isinstance(entry, dict) else None
        line = file.line_of("id", ident) if isinstance(ident, str) else None
        if not isinstance(ident, str) or ident not in disciplines:
            raise file.fail(line, f"[[discipline]] id {ident!r} is not a discipline in "
                            f"data/disciplines/ ({', '.join(disciplines)})")
        if ident in sectors:
            raise file.fail(file.line_of("id", ident, 2), f"discipline {ident!r} is listed twice")
        shares = _shares(file, entry.get("sectors"), ident, line, names)
        text = entry.get("basis")
        if not isinstance(text, str) or not text.strip():
            raise file.fail(line, f"discipline {ident!r} needs a basis: why these codes")
        sectors[ident] = shares
        basis[ident] = " ".join(text.split())
    missing = [d for d in disciplines if d not in sectors]
    if missing:
        raise file.fail(None, f"no [[discipline]] entry for {', '.join(missing)}: every "
                        "discipline needs its DAC codes (or sectors = [] and why)")
    return {"sectors": sectors, "sector_names": names, "sector_basis": basis,
            "sectors_source": sectors_source}


def _shares(file: TextFile, raw: Any, ident: str, line: int | None,
            names: dict[str, str]) -> list[SectorShare]:
    if not isinstance(raw, list):
        raise file.fail(line, f"discipline {ident!r}: sectors must be a list, e.g. "
                        "[{ code = \"15130\", share = 100 }]")
    shares: list[SectorShare] = []
    for item in raw:
        code = str(item.get("code", "")).strip() if isinstance(item, dict) else ""
        share = item.get("share") if isinstance(item, dict) else None
        if code not in names:
            raise file.fail(line, f"discipline {ident!r}: code {code or '(none)'} is not one "
                            "of the [[code]] entries above; add it there first")
        if isinstance(share, bool) or not isinstance(share, int) or not 1 <= share <= 100:
            raise file.fail(line, f"discipline {ident!r}: share of {code} must be a whole "
                            "percentage from 1 to 100")
        shares.append(SectorShare(code, share))
    if shares and sum(s.share for s in shares) != 100:
        raise file.fail(line, f"discipline {ident!r}: the shares add up to "
                        f"{sum(s.share for s in shares)}, not 100")
    return shares


def load_iati(root: Path) -> IatiSettings:
    return IatiSettings(**load_settings(root), **load_sectors(root))


def iati_tables(root: Path) -> list[RefTable]:
    """Seeder: both files, checked, as the one-row ``iati_settings`` reference table."""
    from catalogue.core.ref_table import RefTable

    return [RefTable("iati_settings", [{"key": "settings", "value": load_iati(root).to_json()}],
                     pk="key")]


def stored_settings(store: Store) -> IatiSettings:
    raw = store.scalar("SELECT value FROM iati_settings WHERE key = 'settings'")
    if raw is None:
        from catalogue.core.errors import DatabaseError

        raise DatabaseError(f"{store.path} has no IATI settings; run 'catalogue db reseed'")
    return IatiSettings.from_json(str(raw))


def require_reporting_org(settings: IatiSettings) -> ReportingOrg:
    """The reporting organisation, or a DataFileError naming the line to fill in."""
    org = settings.org
    for key, what, example in (("ref", "organisation identifier", "\"GB-GOV-1\""),
                               ("name", "organisation name", "\"Example Police Training\""),
                               ("type", "organisation type", "\"15\" (Other Public Sector)")):
        if not getattr(org, key):
            raise DataFileError(org.file, org.lines.get(key) or None,
                                f"no IATI {what} is set: write yours as {key} = {example} "
                                "under [reporting-org]; nothing was exported")
    return org
