"""The IPAB submission draft as a marked Word document: on the first page, the title, what is
missing as a checklist, and the document control; then each section of data/ipab-form.toml
as a label/value table, with the modules and cost lines as tables of their own."""

from __future__ import annotations

from typing import TYPE_CHECKING

from catalogue.core.exports import wording as w
from catalogue.core.exports.docx_marked import (
    add_control_table,
    add_table,
    marked_document,
    to_bytes,
)

if TYPE_CHECKING:
    from catalogue.core.requests.pack import SubmissionPack

BOX = "\u2610"  # ☐, a box to tick by hand


def pack_docx(pack: SubmissionPack) -> bytes:
    from docx.shared import Pt

    doc = marked_document(pack.info, control=False)
    intro = doc.add_paragraph()
    intro.add_run(f"Request {pack.request_id}, now {pack.state}. ").bold = True
    intro.add_run(w.clean(pack.basis)).italic = True
    checklist = pack.checklist
    doc.add_heading(f"Before sending: {len(checklist)} to complete" if checklist
                    else "Before sending: nothing is missing", level=1)
    if not checklist:
        doc.add_paragraph("Every field of the form is recorded. Check each against the "
                          "request before sending.")
    for item in checklist:
        line = doc.add_paragraph()
        line.paragraph_format.space_after = Pt(2)
        line.add_run(f"{BOX} {w.clean(item.label)}: ").bold = True
        line.add_run(w.clean(item.hint)).font.size = Pt(9)
    add_control_table(doc, pack.info)
    for section in pack.sections:
        doc.add_heading(w.clean(section.title), level=1)
        add_table(doc, ["Field", ""],
                  [[item.label + (f" {BOX}" if item.missing else ""), item.text]
                   for item in section.items], header=False)
        for item in section.items:
            if item.rows:
                doc.add_heading(w.clean(item.label), level=2)
                add_table(doc, list(item.headings), [list(row) for row in item.rows],
                          nowrap=(0,) if item.headings[0] == "#" else ())
    return to_bytes(doc)
