"""The IPAB submission draft of a request, as a typed model the renderers draw
(core/exports/pack_docx.py, pack_markdown.py).

Its fields, sections and wording come from data/ipab-form.toml; each field is filled from one
recorded fact (pack_facts.py). A required field with nothing recorded (or only part of it) is
listed in :attr:`SubmissionPack.checklist`, which the documents put on their first page, and
is never left blank: the field says "not recorded" with what to do. The document is marked
from the local sensitivity of what it describes, or the form's floor (marking.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from catalogue.core.errors import InvalidInputError
from catalogue.core.exports.marking import DocumentInfo
from catalogue.core.store import Store

KIND = "IPAB submission draft"
MISSING = "not recorded"
TO_COMPLETE = "to complete, see 'Before sending'"
#: File suffix -> format the pack is written in.
PACK_FORMATS = {".docx": "docx", ".md": "md", ".markdown": "md"}


@dataclass(frozen=True)
class PackItem:
    field: str  # the form's field id
    label: str
    text: str  # what the draft shows (never empty)
    missing: bool  # a required fact not (fully) recorded: on the checklist
    hint: str  # what to do when it is missing
    headings: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()

    @property
    def todo(self) -> str:
        """The checklist line: what is missing and what to do."""
        return f"{self.label}: {self.hint}"


@dataclass(frozen=True)
class PackSection:
    id: str
    title: str
    items: tuple[PackItem, ...]


@dataclass(frozen=True)
class SubmissionPack:
    request_id: int
    state: str  # the request's state, in words
    basis: str  # where the field list comes from
    sections: tuple[PackSection, ...]
    info: DocumentInfo

    @property
    def checklist(self) -> tuple[PackItem, ...]:
        return tuple(item for section in self.sections for item in section.items
                     if item.missing)


def _fill(hint: str, request_id: int, programme_id: int | None) -> str:
    """The form's hint with the request's and its programme's numbers filled in."""
    programme = str(programme_id) if programme_id is not None else "PROGRAMME"
    return hint.replace("{request}", str(request_id)).replace("{programme}", programme)


def _applies(when: str | None, delivered_by: list[str], location: str) -> bool:
    if when == "serving-officers":
        return "serving-officers" in delivered_by
    if when == "in-country":
        return location == "in-country"
    return True


def build_pack(store: Store, request_id: int, *, author: str | None = None) -> SubmissionPack:
    """The submission draft of request ``request_id`` (NotFoundError when there is none)."""
    from catalogue.core.exports.marking import derive_marking, document_info
    from catalogue.core.requests.ipab_form import stored_form
    from catalogue.core.requests.pack_facts import content_levels, fact, load_sources
    from catalogue.core.sensitivity import sensitivity_scheme

    src = load_sources(store, request_id)
    form = stored_form(store)
    r = src.request
    sections = []
    for section in form.sections:
        items = []
        for spec in form.fields:
            if spec.section != section.id or not _applies(spec.when, r.delivered_by, r.location):
                continue
            found = fact(src, spec.source)
            missing = spec.required and (found.text is None or found.incomplete)
            text = found.text or MISSING
            if missing:
                text += f" ({TO_COMPLETE})" if found.text else f": {TO_COMPLETE}"
            hint = _fill(spec.hint, r.id, r.programme_id)
            hint = f"{found.note}; {hint}" if found.note else hint
            items.append(PackItem(spec.id, spec.label, text, missing, hint, found.headings,
                                  found.rows))
        sections.append(PackSection(section.id, section.title, tuple(items)))
    country = r.country_name or r.country
    marking = derive_marking(sensitivity_scheme(store), content_levels(src),
                             basis=f"the training request {r.id} describes",
                             floor=form.marking_floor, floor_why=form.marking_floor_why)
    content = [(s.id, [(i.field, i.text, i.rows) for i in s.items]) for s in sections]
    info = document_info(KIND, form.title.format(request=r.id, country=country),
                         f"Request {r.id}", marking, content=content, author=author)
    return SubmissionPack(request_id=r.id, state=r.state_label, basis=form.basis,
                          sections=tuple(sections), info=info)


def pack_format(path: Path | str) -> str:
    """The format a pack file is written in, from its suffix (.docx, .md)."""
    suffix = Path(path).suffix.lower()
    if suffix not in PACK_FORMATS:
        shown = suffix or "a file with no suffix"
        raise InvalidInputError(f"cannot write a submission draft as {shown}: name the file "
                                ".docx (Word) or .md (Markdown)", fields=("output",))
    return PACK_FORMATS[suffix]


def render_pack(pack: SubmissionPack, fmt: str) -> bytes:
    if fmt == "docx":
        from catalogue.core.exports.pack_docx import pack_docx

        return pack_docx(pack)
    from catalogue.core.exports.pack_markdown import pack_markdown

    return pack_markdown(pack).encode("utf-8")


def save_pack(store: Store, request_id: int, path: Path | str, *, force: bool = False,
              author: str | None = None) -> tuple[Path, SubmissionPack]:
    """Write the draft to ``path`` (Word or Markdown by its suffix), whole or not at all;
    an existing file is replaced only with ``force``. Checked before any work. Returns
    where it went and the draft (its checklist says what is missing)."""
    from catalogue.core.exports.atomic import check_target, write_atomic

    fmt = pack_format(path)
    check_target(Path(path), force)
    pack = build_pack(store, request_id, author=author)
    return write_atomic(Path(path), render_pack(pack, fmt), force=force), pack
