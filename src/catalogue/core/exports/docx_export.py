"""An outline as a Word document (python-docx, imported here only): title, headings, tables.

Uses only the built-in styles of python-docx's default template ("Title", "Heading 1/2",
"Table Grid", "List Bullet"), so the file opens cleanly in Word and LibreOffice.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from catalogue.core.exports import wording as w

if TYPE_CHECKING:
    from docx.document import Document


def _table(doc: Document, headings: list[str], rows: list[list[str]],
           weights: list[float] | None = None) -> None:
    """A grid table; ``weights`` share the text width between the columns (equal if None)."""
    table = doc.add_table(rows=1, cols=len(headings))
    table.style = "Table Grid"
    for cell, heading in zip(table.rows[0].cells, headings, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(w.clean(heading)).bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = w.clean(value)
    _small_text(table)
    if weights:
        _set_widths(doc, table, weights)
    doc.add_paragraph()


def _small_text(table: Any) -> None:
    from docx.shared import Pt

    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(9)


def _a4_page(doc: Document) -> None:
    """A4 with 2 cm margins: the paper the document's readers print on."""
    from docx.shared import Cm

    for section in doc.sections:
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2)
        section.top_margin = section.bottom_margin = Cm(2)


def _set_widths(doc: Document, table: Any, weights: list[float]) -> None:
    """Fixed column widths (Word reads the cells' widths, LibreOffice the grid's)."""
    section = doc.sections[-1]
    page, left, right = section.page_width, section.left_margin, section.right_margin
    if page is None or left is None or right is None:  # the template always sets them
        return
    usable = page - left - right
    widths = [int(usable * weight / sum(weights)) for weight in weights]
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width


#: Relative widths of the module table's columns (#, module, discipline, levels, hours, notes).
MODULE_WEIGHTS = [0.4, 3.0, 1.5, 2.0, 0.8, 1.5]


def _bullets(doc: Document, items: list[str]) -> None:
    for item in items:
        doc.add_paragraph(w.clean(item), style="List Bullet")


def _remember_style_ids(doc: Document) -> None:
    """Resolve each style name once per document.

    python-docx looks a style name up by scanning every style of the template, and then
    scans them all again to find the default: for each paragraph, heading and table. The
    styles do not change while a document is written, so the answers are remembered (a
    40-module outline spent most of its time here).
    """
    part = doc.part
    lookup = part.get_style_id
    known: dict[tuple[str, Any], str | None] = {}

    def get_style_id(style_or_name: Any, style_type: Any) -> str | None:
        if not isinstance(style_or_name, str):
            return lookup(style_or_name, style_type)
        key = (style_or_name, style_type)
        if key not in known:
            known[key] = lookup(style_or_name, style_type)
        return known[key]

    part.get_style_id = get_style_id  # type: ignore[method-assign]


def render_docx(outline: dict[str, Any]) -> bytes:
    from docx import Document as new_document

    p = outline["programme"]
    doc = new_document()
    _remember_style_ids(doc)
    _a4_page(doc)
    doc.core_properties.title = w.clean(p["title"])
    doc.core_properties.subject = "Training programme outline"
    doc.add_heading(w.clean(p["title"]), level=0)
    if outline["redacted"]:
        doc.add_paragraph("Public version: some details are withheld under the disclosure "
                          "rules (see \"Withheld\" at the end).").runs[0].italic = True
    _table(doc, ["Item", "Detail"], [[label, value] for label, value in w.summary_rows(outline)],
           weights=[1, 3])
    doc.add_heading("Modules", level=1)
    if outline["modules"]:
        _table(doc, w.MODULE_HEADINGS, [w.module_row(m) for m in outline["modules"]],
               weights=MODULE_WEIGHTS if len(w.MODULE_HEADINGS) == len(MODULE_WEIGHTS) else None)
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
        _bullets(doc, m["outcomes"] or ["(none recorded)"])
    doc.add_heading("Stabilisation Unit principles", level=1)
    _table(doc, ["Principle", "Covered", "Modules"],
           [[r["name"], "yes" if r["covered"] else "NO", w.principle_modules(r)]
            for r in outline["principles"]])
    doc.add_heading("Warnings", level=1)
    if outline["warnings"]:
        _bullets(doc, [x["message"] for x in outline["warnings"]])
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
        _bullets(doc, [f"{x['what']}: {x['reason']} ({x['source']})" for x in outline["withheld"]])
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _approval(doc: Document, outline: dict[str, Any]) -> None:
    approval = outline["approval"]
    doc.add_heading("Approvals", level=1)
    doc.add_paragraph(w.clean(w.grade_sentence(approval, outline["programme"])) + ".")
    if approval.get("suggested_reasons"):
        doc.add_paragraph("Reasons for the suggestion (local practice):")
        _bullets(doc, approval["suggested_reasons"])
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
