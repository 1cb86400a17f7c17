"""An outline as a marked Word document: the marking, version, date, author and page numbers
on every page (docx_marked.py), then the facts, modules, coverage, approvals and costs.

Uses only the built-in styles of python-docx's default template ("Title", "Heading 1/2",
"Table Grid", "List Bullet"), so the file opens cleanly in Word and LibreOffice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from catalogue.core.exports import wording as w
from catalogue.core.exports.docx_marked import add_table, bullets, marked_document, to_bytes
from catalogue.core.exports.marking import DocumentInfo

if TYPE_CHECKING:
    from docx.document import Document

    from catalogue.core.programmes.outline import ProgrammeOutline


def _table(doc: Document, headings: list[str], rows: list[list[str]],
           nowrap: tuple[int, ...] = ()) -> None:
    add_table(doc, headings, rows, nowrap=nowrap)


#: Columns of the module table (#, module, discipline, levels, hours, notes) never wrapped.
MODULE_NOWRAP = (0, 4)


def render_docx(outline: ProgrammeOutline, info: DocumentInfo) -> bytes:
    p = outline["programme"]
    doc = marked_document(info)
    if outline["redacted"]:
        doc.add_paragraph("Public version: some details are withheld under the disclosure "
                          "rules (see \"Withheld\" at the end).").runs[0].italic = True
    _table(doc, ["Item", "Detail"], [[label, value] for label, value in w.summary_rows(outline)])
    doc.add_heading("Modules", level=1)
    if outline["modules"]:
        _table(doc, w.MODULE_HEADINGS, [w.module_row(m) for m in outline["modules"]],
               nowrap=MODULE_NOWRAP)
    else:
        doc.add_paragraph(w.no_modules_line(outline))
    doc.add_heading("Days by discipline", level=1)
    _table(doc, ["Discipline", "Modules", "Hours", "Training time"],
           [[r["title"], str(r["modules"]), w.number(r["hours"]),
                   w.training_time(r["hours"], outline)]
            for r in outline["days_by_discipline"]])
    doc.add_heading("Learning outcomes", level=1)
    for m in outline["modules"]:
        doc.add_heading(f"{m['position']}. {w.clean(m['title'])}", level=2)
        if m["summary"]:
            doc.add_paragraph().add_run(w.clean(m["summary"])).italic = True
        if m["library_note"]:
            doc.add_paragraph(f"Library note: {w.clean(m['library_note'])}")
        bullets(doc, m["outcomes"] or ["(none recorded)"])
    doc.add_heading("Stabilisation Unit principles", level=1)
    _table(doc, ["Principle", "Covered", "Modules"],
           [[r["name"], "yes" if r["covered"] else "NO", w.principle_modules(r)]
            for r in outline["principles"]])
    doc.add_heading("Warnings", level=1)
    if outline["warnings"]:
        bullets(doc, [x["message"] for x in outline["warnings"]])
    else:
        doc.add_paragraph("None.")
    _approval(doc, outline)
    _costing(doc, outline["costing"])
    for key, heading in (("notes", "Notes"), ("vulnerability_notes", "Vulnerability notes"),
                         ("commercial_terms", "Commercial terms")):
        if p.get(key):
            doc.add_heading(heading, level=1)
            doc.add_paragraph(w.clean(p[key]))
    if outline["withheld"]:
        doc.add_heading("Withheld", level=1)
        bullets(doc, [f"{x['what']}: {x['reason']} ({x['source']})" for x in outline["withheld"]])
    return to_bytes(doc)


def _approval(doc: Document, outline: ProgrammeOutline) -> None:
    approval = outline["approval"]
    doc.add_heading("Approvals", level=1)
    doc.add_paragraph(w.clean(w.grade_sentence(approval, outline["programme"])) + ".")
    if approval.get("suggested_reasons"):
        doc.add_paragraph("Reasons for the suggestion (local practice):")
        bullets(doc, approval["suggested_reasons"])
    flags = approval.get("flags") or []
    if flags:
        _table(doc, ["Flag", "Severity", "Why", "Source"],
               [[f["title"], f["severity"], f["why"], f["source"]] for f in flags])


def _costing(doc: Document, costing: dict[str, Any] | None) -> None:
    if not costing:
        return
    cur = costing["currency"]
    doc.add_heading("Cost estimate", level=1)
    doc.add_paragraph(f"All figures are estimates. Rates: {costing['rates_source']}.")
    _table(doc, ["Item", "Basis", f"Estimate ({cur})"],
           [[line["item"], line["basis"], w.number(line["amount"])] for line in costing["lines"]])
    doc.add_paragraph().add_run(f"Total (estimate): {w.money(costing['total'], cur)}").bold = True
