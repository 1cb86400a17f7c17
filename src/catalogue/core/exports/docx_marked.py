"""Marked Word documents (python-docx, imported here only): every page carries the
classification marking in its header and footer, the document's kind, version, date and
author, and "Page X of Y" (Word PAGE / NUMPAGES fields); tables have shaded header rows
repeated on each page and columns fitted to their content, numbers never wrapped.

Use it for any document (see catalogue.core.exports.marking for the details it needs)::

    doc = marked_document(info)          # A4, header, footer, title, control table
    doc.add_heading("Modules", level=1)
    add_table(doc, ["#", "Module", "Hours"], rows, nowrap={0, 2})
    data = to_bytes(doc)

Built-in styles only (Title, Heading 1/2, Table Grid, List Bullet), so files open cleanly in
Word and LibreOffice.
"""

from __future__ import annotations

import io
import re
from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from catalogue.core.exports import wording as w
from catalogue.core.exports.marking import DocumentInfo

if TYPE_CHECKING:
    from docx.document import Document

#: Header rows' shading (a light grey-blue that prints legibly in black and white).
HEADER_FILL = "D9E2F3"
TABLE_POINTS = 9
#: A cell's text that is a number (with an optional note in brackets, e.g. "7 (library 6)"):
#: never wrapped.
NUMBER = re.compile(r"^[-+]?[\d][\d,.]*%?( \([^()]{0,30}\))?$")
#: Average width of a character, as a share of the font size (Calibri/Liberation Sans, with
#: room for wide letters), and each cell's left and right margins, in points.
CHAR_EM = 0.56
CELL_PADDING_PT = 12.0
#: Room added to the longest unbreakable text, as the estimate is an average.
NO_WRAP_MARGIN = 1.12
EMU_PER_PT = 12700


def marked_document(info: DocumentInfo, *, control: bool = True) -> Document:
    """A new A4 document with the marking, version, date, author and page numbers on every
    page, the title and (unless ``control`` is False: add it with :func:`add_control_table`
    where it belongs) the document-control table."""
    from docx import Document as new_document

    doc = new_document()
    remember_style_ids(doc)
    a4_page(doc)
    props = doc.core_properties
    props.title = w.clean(info.title)
    props.subject = info.kind
    props.author = w.clean(info.author)
    props.keywords = info.marking.banner
    props.content_status = info.marking.banner
    props.version = info.version
    props.category = info.marking.classification
    _header(doc, info)
    _footer(doc, info)
    doc.add_heading(w.clean(info.title), level=0)
    if control:
        add_control_table(doc, info)
    return doc


def add_control_table(doc: Document, info: DocumentInfo) -> None:
    """The document-control table: classification and its basis, document, version, date,
    author."""
    add_table(doc, ["Document control", ""], [list(r) for r in info.control_rows()],
              header=False)


def to_bytes(doc: Document) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def a4_page(doc: Document) -> None:
    """A4 with 2 cm margins: the paper the documents' readers print on."""
    from docx.shared import Cm

    for section in doc.sections:
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2)
        section.top_margin = section.bottom_margin = Cm(2)
        section.header_distance = section.footer_distance = Cm(0.8)


def _header(doc: Document, info: DocumentInfo) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    header = doc.sections[0].header
    header.is_linked_to_previous = False
    banner = header.paragraphs[0]
    banner.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = banner.add_run(info.marking.banner)
    run.bold = True
    run.font.size = Pt(11)
    line = header.add_paragraph()
    line.alignment = WD_ALIGN_PARAGRAPH.CENTER
    small = line.add_run(w.clean(f"{info.kind} · {info.reference} · {info.version}"))
    small.font.size = Pt(8)


def _footer(doc: Document, info: DocumentInfo) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    footer = doc.sections[0].footer
    footer.is_linked_to_previous = False
    line = footer.paragraphs[0]
    line.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for text in (f"{info.date} · {w.clean(info.author)} · Page ", "PAGE", " of ", "NUMPAGES"):
        if text in ("PAGE", "NUMPAGES"):
            _field(line, text, Pt(8))
        else:
            line.add_run(text).font.size = Pt(8)
    banner = footer.add_paragraph()
    banner.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = banner.add_run(info.marking.banner)
    run.bold = True
    run.font.size = Pt(11)


def _field(paragraph: Any, instruction: str, size: Any) -> None:
    """A Word field (PAGE, NUMPAGES) at the end of ``paragraph``: five runs holding begin,
    the code, separate, a placeholder result and end (python-docx has no API for fields);
    Word and LibreOffice compute the result when they lay out the pages."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def char(kind: str) -> Any:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element

    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    placeholder = OxmlElement("w:t")
    placeholder.text = "1"
    for part in (char("begin"), code, char("separate"), placeholder, char("end")):
        run = paragraph.add_run()
        run.font.size = size
        run.element.append(part)


def add_table(doc: Document, headings: list[str], rows: list[list[str]], *,
              nowrap: Collection[int] = (), header: bool = True) -> Any:
    """A grid table with a shaded header row repeated on every page (``header=False``: a
    label/value table whose first column is shaded instead), columns sized from their content,
    and no wrapping in the ``nowrap`` columns or in any cell that holds a number."""
    from docx.shared import Pt

    table = doc.add_table(rows=1 if header else 0, cols=len(headings))
    table.style = "Table Grid"
    texts = [[w.clean(v) for v in row] for row in rows]
    if header:
        for cell, heading in zip(table.rows[0].cells, headings, strict=True):
            cell.text = ""
            cell.paragraphs[0].add_run(w.clean(heading)).bold = True
    for values in texts:
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            cell.text = value
            if not header and cell is cells[0]:
                for run in cell.paragraphs[0].runs:
                    run.bold = True
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(TABLE_POINTS)
    _mark_cells(_last_table_xml(doc), texts, header=header, nowrap=nowrap)
    widths = fit_widths([w.clean(h) for h in headings] if header else None, texts,
                        usable_width(doc), nowrap, columns=len(headings))
    _set_widths(table, widths)
    doc.add_paragraph()
    return table


def usable_width(doc: Document) -> int:
    """The text width of the last section, in EMU."""
    section = doc.sections[-1]
    page, left, right = section.page_width, section.left_margin, section.right_margin
    assert page is not None and left is not None and right is not None  # set by a4_page
    return int(page - left - right)


def text_width(text: str, bold: bool = False) -> float:
    """The estimated width of ``text`` in a table cell, in points (without padding)."""
    return len(text) * TABLE_POINTS * (CHAR_EM + (0.04 if bold else 0))


def _pieces(value: str, whole: bool) -> list[str]:
    """The parts a line may break between: words, and after a hyphen (as word processors
    break "chief-superintendent"); the whole text where it must not wrap."""
    if whole:
        return [value]
    return [part for word in value.split() for part in re.findall(r"[^-]*-|[^-]+", word)] or [""]


def fit_widths(headings: list[str] | None, rows: list[list[str]], usable: int,
               nowrap: Collection[int] = (), *, columns: int | None = None) -> list[int]:
    """Column widths (EMU) fitted to the content.

    Each column gets at least the width of its longest word (its whole text where it must
    not wrap: numbers and the ``nowrap`` columns), so no word is broken; the rest of the page
    width goes to the columns in proportion to how much more their longest text needs. When
    even the longest words do not fit, the columns that must not wrap keep their width and
    the others share what is left.
    """
    if columns is None:
        columns = len(headings) if headings else (len(rows[0]) if rows else 1)
    least = [0.0] * columns
    want = [0.0] * columns
    fixed = [index in nowrap or (bool(rows) and all(NUMBER.match(r[index]) or not r[index]
                                                    for r in rows))
             for index in range(columns)]
    for row_index, row in enumerate([*([headings] if headings else []), *rows]):
        bold = headings is not None and row_index == 0
        for index, value in enumerate(row):
            whole = index in nowrap or bool(NUMBER.match(value))
            least[index] = max(least[index], max(text_width(p, bold) for p in _pieces(value, whole)))
            want[index] = max(want[index], text_width(value, bold))
    least = [x * NO_WRAP_MARGIN + CELL_PADDING_PT for x in least]
    want = [max(x + CELL_PADDING_PT, a) for x, a in zip(want, least, strict=True)]
    total = usable / EMU_PER_PT
    if sum(least) >= total:
        kept = sum(a for a, f in zip(least, fixed, strict=True) if f)
        rest = sum(a for a, f in zip(least, fixed, strict=True) if not f) or 1.0
        share = max(total - kept, 0.0) / rest
        points = [a if f else a * share for a, f in zip(least, fixed, strict=True)]
    else:
        spare = total - sum(least)
        extra = [b - a for a, b in zip(least, want, strict=True)]
        if sum(extra) <= spare:  # every cell fits on one line: share the rest by width
            give = [e + (spare - sum(extra)) * b / sum(want) for e, b in zip(extra, want,
                                                                             strict=True)]
        else:
            give = [spare * e / sum(extra) for e in extra]
        points = [a + g for a, g in zip(least, give, strict=True)]
    widths = [int(p * EMU_PER_PT) for p in points]
    widths[-1] += usable - sum(widths)
    return widths


def _set_widths(table: Any, widths: list[int]) -> None:
    """Fixed layout: Word reads the cells' widths, LibreOffice the grid's."""
    from docx.enum.table import WD_TABLE_ALIGNMENT

    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width


def _last_table_xml(doc: Document) -> Any:
    """The ``w:tbl`` element just added (through the document's public ``element``)."""
    from docx.oxml.ns import qn

    return doc.element.body.findall(qn("w:tbl"))[-1]


def _mark_cells(tbl: Any, texts: list[list[str]], *, header: bool,
                nowrap: Collection[int]) -> None:
    """Shading, repeated header row and no-wrap cells, in the table's XML (python-docx has
    no API for them): ``w:shd``, ``w:tblHeader`` / ``w:cantSplit`` and ``w:noWrap``."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rows = tbl.findall(qn("w:tr"))
    if header:
        properties = rows[0].get_or_add_trPr()
        properties.append(OxmlElement("w:cantSplit"))
        properties.append(OxmlElement("w:tblHeader"))
        for tc in rows[0].findall(qn("w:tc")):
            _shade(tc)
        rows = rows[1:]
    for tr, values in zip(rows, texts, strict=True):
        for index, (tc, value) in enumerate(zip(tr.findall(qn("w:tc")), values, strict=True)):
            if not header and index == 0:
                _shade(tc)
            if index in nowrap or NUMBER.match(value):
                tc.get_or_add_tcPr().append(OxmlElement("w:noWrap"))


def _shade(tc: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), HEADER_FILL)
    tc.get_or_add_tcPr().append(shading)


def bullets(doc: Document, items: list[str]) -> None:
    for item in items:
        doc.add_paragraph(w.clean(item), style="List Bullet")


def remember_style_ids(doc: Document) -> None:
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
