"""The OSJA assessment document (core/osja/document.py) as marked Markdown or Word.

Marked like every document (core/exports/marking.py): the highest local sensitivity of the
request's disciplines and modules, and at least ``[osja] document_level`` of the approval
policy (the organisation's practice for OSJA reasoning), mapped to a marking by
``data/sensitivity.toml``.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from pathlib import Path

from catalogue.core.errors import InvalidInputError
from catalogue.core.exports.marking import DocumentInfo
from catalogue.core.osja.document import HISTORY_HEADINGS, OsjaDocument, VersionSection
from catalogue.core.store import Store

KIND = "OSJA assessment"
FORMATS = {"md": ".md", "docx": ".docx"}
ANSWER_HEADINGS = ["#", "Prompt", "Answer", "Note"]


def check_format(fmt: str) -> str:
    name = {"markdown": "md", "word": "docx"}.get(fmt.strip().lower(), fmt.strip().lower())
    if name not in FORMATS:
        raise InvalidInputError(f"unknown format {fmt!r} for the OSJA document; choose one of: "
                                f"{', '.join(FORMATS)}", fields=("format",))
    return name


def osja_info(store: Store, doc: OsjaDocument, *, author: str | None = None) -> DocumentInfo:
    from catalogue.core.exports.marking import derive_marking, document_info
    from catalogue.core.rules.stored import stored_policy
    from catalogue.core.sensitivity import sensitivity_scheme

    osja = stored_policy(store).get("osja") or {}
    marking = derive_marking(sensitivity_scheme(store), doc.levels,
                             basis=f"the training requested in request {doc.request_id}",
                             floor=osja.get("document_level"),
                             floor_why=osja.get("document_level_why"))
    content = {"request": doc.request, "versions": [asdict(v) for v in doc.versions]}
    return document_info(KIND, doc.title, f"Request {doc.request_id}", marking, content=content,
                         author=author)


def _answer_rows(section: VersionSection) -> list[list[str]]:
    return [[str(a.number), a.prompt, a.answer, a.note or "-"] for a in section.answers]


def render_markdown(doc: OsjaDocument, info: DocumentInfo) -> str:
    from catalogue.core.exports.markdown_marked import marked_markdown
    from catalogue.core.exports.markdown_text import esc, table

    def pairs(rows: list[tuple[str, str]]) -> list[str]:
        return table(["", " "], [[f"**{esc(k)}**", esc(v)] for k, v in rows])

    body = ["## Request", "", *pairs(doc.request), f"**OSJA assessment:** {esc(doc.status)}",
            "", "## Version history", "",
            *table(HISTORY_HEADINGS, [[esc(c) for c in row] for row in doc.history])]
    for section in doc.versions:
        body += [f"## Version {section.version}", "", *pairs(section.details),
                 "### Prompts and answers", "",
                 *table(ANSWER_HEADINGS, [[esc(c) for c in row] for row in _answer_rows(section)]),
                 "### Judgement", "", *pairs(section.judgement),
                 "### Mitigations", "", esc(section.mitigations or "None recorded."), "",
                 "### Consulted", "",
                 *table(["Who", "When"], [[esc(w), esc(d)] for w, d in section.consulted]),
                 "### Decision", "", *pairs(section.decision)]
        if section.suggested_reasons:
            body += ["Why the suggested minimum (local practice):", ""]
            body += [f"- {esc(r)}" for r in section.suggested_reasons] + [""]
        body += ["### Facts relied on", "",
                 *table(["Fact", "As recorded"], [[esc(k), esc(v)] for k, v in section.facts])]
    return marked_markdown(info, body)


def render_docx(doc: OsjaDocument, info: DocumentInfo) -> bytes:
    from catalogue.core.exports import docx_marked as dm
    from catalogue.core.exports import wording as w

    word = dm.marked_document(info)
    word.add_heading("Request", level=1)
    dm.add_table(word, ["", ""], [list(r) for r in doc.request], header=False)
    status = word.add_paragraph()
    status.add_run("OSJA assessment: ").bold = True
    status.add_run(w.clean(doc.status))
    word.add_heading("Version history", level=1)
    dm.add_table(word, HISTORY_HEADINGS, doc.history, nowrap={0, 1, 7})
    for section in doc.versions:
        word.add_heading(f"Version {section.version}", level=1)
        dm.add_table(word, ["", ""], [list(r) for r in section.details], header=False)
        word.add_heading("Prompts and answers", level=2)
        dm.add_table(word, ANSWER_HEADINGS, _answer_rows(section), nowrap={0, 2})
        word.add_heading("Judgement", level=2)
        dm.add_table(word, ["", ""], [list(r) for r in section.judgement], header=False)
        word.add_heading("Mitigations", level=2)
        word.add_paragraph(w.clean(section.mitigations or "None recorded."))
        word.add_heading("Consulted", level=2)
        dm.add_table(word, ["Who", "When"], [list(r) for r in section.consulted], nowrap={1})
        word.add_heading("Decision", level=2)
        dm.add_table(word, ["", ""], [list(r) for r in section.decision], header=False)
        if section.suggested_reasons:
            word.add_paragraph("Why the suggested minimum (local practice):")
            dm.bullets(word, [w.clean(r) for r in section.suggested_reasons])
        word.add_heading("Facts relied on", level=2)
        dm.add_table(word, ["Fact", "As recorded"], [list(r) for r in section.facts])
    return dm.to_bytes(word)


def export_osja(store: Store, request_id: int, fmt: str, *, author: str | None = None,
                today: date | None = None) -> bytes:
    """The document in ``fmt`` (md or docx), as bytes ready to write."""
    from catalogue.core.osja.document import osja_document

    name = check_format(fmt)
    doc = osja_document(store, request_id, today)
    info = osja_info(store, doc, author=author)
    if name == "docx":
        return render_docx(doc, info)
    return render_markdown(doc, info).encode("utf-8")


def save_osja(store: Store, request_id: int, fmt: str, path: Path | str, *,
              force: bool = False, author: str | None = None) -> Path:
    """Write atomically; an existing file only with ``force`` (checked before any work)."""
    from catalogue.core.exports.atomic import check_target, write_atomic
    from catalogue.core.exports.suffixes import check_suffix

    check_suffix(path, check_format(fmt))
    check_target(Path(path), force)
    return write_atomic(Path(path), export_osja(store, request_id, fmt, author=author),
                        force=force)
