"""``data/ipab-form.toml``: the fields of the IPAB submission draft, in sections, each filled
from one recorded fact (its ``source``). Checked on load (``file:line`` on any mistake) and
seeded as the one-row ``ipab_form`` reference table, so the organisation can match its own
form without touching code."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from catalogue.core.store import Store

FORM_FILE = "ipab-form.toml"
#: The recorded facts a field can show (catalogue.core.requests.pack fills each).
SOURCES = ("requesting_body", "units", "country", "location", "dates", "course_title",
           "purpose", "disciplines", "modules", "total_hours", "ranks", "numbers",
           "delivered_by", "s26", "partners", "costs", "funder", "mission", "osja_status",
           "osja_level", "ipab_reference", "jiph_reference", "disclosure")
#: Conditions a field may carry: it applies only to such requests.
WHEN = ("serving-officers", "in-country")
LEVELS = ("public", "restricted", "confidential")


@dataclass(frozen=True)
class FormField:
    id: str
    section: str
    label: str
    source: str
    required: bool
    hint: str
    when: str | None = None


@dataclass(frozen=True)
class Section:
    id: str
    title: str


@dataclass(frozen=True)
class IpabForm:
    title: str  # with {request} and {country}
    basis: str
    marking_floor: str
    marking_floor_why: str
    sections: tuple[Section, ...]
    fields: tuple[FormField, ...]


def load_form(root: Path) -> IpabForm:
    """Read and check the form: every field in a known section, with a known source."""
    from catalogue.core.data.fields import Record, check_unique, records
    from catalogue.core.data.textfiles import parse_toml, read_text

    file = read_text(root / FORM_FILE, root)
    doc = parse_toml(file)
    for key in doc:
        if key not in ("form", "section", "field"):
            raise file.fail(file.line_of_table(key) or file.line_containing(key),
                            f"unknown section {key!r} (expected: form, section, field)")
    if not isinstance(doc.get("form"), dict):
        raise file.fail(file.line_of_table("form"), "missing the [form] table")
    head = Record(file, doc["form"], "[form]", key="title")
    head.known({"title", "basis", "marking_floor", "marking_floor_why"})
    sections = check_unique(records(file, doc, "section", "section"), "id")
    for record in sections.values():
        record.known({"id", "title"})
    fields = check_unique(records(file, doc, "field", "field"), "id")
    built = []
    for ident, record in fields.items():
        record.known({"id", "section", "label", "source", "required", "hint", "when"})
        section = record.text("section")
        if section not in sections:
            raise record.fail(f"section {section!r} is not one of the [[section]] ids: "
                              f"{', '.join(sections)}", "section")
        required = record.data.get("required")
        if not isinstance(required, bool):
            raise record.fail("'required' must be true or false", "required")
        built.append(FormField(id=ident, section=section, label=record.text("label"),
                               source=record.text("source", choices=SOURCES),
                               required=required, hint=record.text("hint"),
                               when=record.text("when", required=False, choices=WHEN) or None))
    return IpabForm(title=head.text("title"), basis=head.text("basis"),
                    marking_floor=head.text("marking_floor", choices=LEVELS),
                    marking_floor_why=head.text("marking_floor_why"),
                    sections=tuple(Section(i, r.text("title")) for i, r in sections.items()),
                    fields=tuple(built))


def form_tables(root: Path) -> list[Any]:
    """Seeder: the form as the one-row ``ipab_form`` reference table."""
    from catalogue.core.ref_table import RefTable

    form = load_form(root)
    return [RefTable("ipab_form", [{"key": "form", "value": json.dumps(asdict(form))}],
                     pk="key")]


def stored_form(store: Store) -> IpabForm:
    raw = store.scalar("SELECT value FROM ipab_form WHERE key = 'form'")
    if raw is None:
        from catalogue.core.errors import DatabaseError

        raise DatabaseError(f"{store.path} has no IPAB form; run 'catalogue db reseed'")
    data = json.loads(raw)
    return IpabForm(**{**data, "sections": tuple(Section(**s) for s in data["sections"]),
                       "fields": tuple(FormField(**f) for f in data["fields"])})
