"""Rendering Word documents as their readers will see them: LibreOffice lays the pages out
(``soffice --convert-to pdf``), poppler's pdftotext reads each page back, with the position
of every word. `make test` installs both from Debian when they are missing and make runs as
root (the Makefile's `office` target); elsewhere the tests that need them skip and say why.

A document's render test checks, for every page: the marking at the top (header) and the
bottom (footer), "Page N of M" with M the real page count; and, for every table cell holding
a number, that its words sit together on one line (a wrapped "10" reads "1" above "0").
"""

from __future__ import annotations

import html
import io
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
needs_office = pytest.mark.skipif(
    SOFFICE is None or PDFTOTEXT is None,
    reason="LibreOffice or poppler-utils is not installed here; `make test` installs both when "
           "run as root (make office), or install libreoffice-writer-nogui and poppler-utils")

_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">(.*?)</word>')
#: A table cell that holds a number (as docx_marked.NUMBER): must never wrap.
NUMBER = re.compile(r"^[-+]?[\d][\d,.]*%?( \([^()]{0,30}\))?$")


@dataclass
class Word:
    x: float
    y: float
    text: str


@dataclass
class Rendered:
    pdf: Path
    pages: list[str]  # each page's text, in reading order
    words: list[list[Word]]  # each page's words with their positions


def to_pdf(docx: Path, workdir: Path) -> Path:
    """The document laid out by LibreOffice, as a PDF beside it."""
    assert SOFFICE is not None
    result = subprocess.run(
        [SOFFICE, "--headless", f"-env:UserInstallation=file://{workdir}/profile",
         "--convert-to", "pdf", "--outdir", str(workdir), str(docx)],
        capture_output=True, text=True, timeout=240)
    pdf = workdir / f"{docx.stem}.pdf"
    assert result.returncode == 0 and pdf.exists(), result.stderr
    return pdf


def render(docx: Path, workdir: Path) -> Rendered:
    assert PDFTOTEXT is not None
    pdf = to_pdf(docx, workdir)
    text = subprocess.run([PDFTOTEXT, str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    boxes = subprocess.run([PDFTOTEXT, "-bbox", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout
    words = [[Word(float(x), float(y), html.unescape(t)) for x, y, t in _WORD.findall(page)]
             for page in boxes.split("<page ")[1:]]
    return Rendered(pdf, pages, words)


def number_cells(docx: Path) -> list[str]:
    """The text of every table cell holding a number."""
    from docx import Document

    doc = Document(io.BytesIO(docx.read_bytes()))
    return sorted({cell.text for table in doc.tables for row in table.rows for cell in row.cells
                   if NUMBER.match(cell.text)})


def on_one_line(rendered: Rendered, value: str) -> bool:
    """Whether ``value``'s words appear in order on one line of some page."""
    wanted = value.split()
    for page in rendered.words:
        for start, word in enumerate(page):
            run = page[start:start + len(wanted)]
            if [w.text for w in run] == wanted and all(abs(w.y - word.y) < 1.0 for w in run):
                return True
    return False


def page_lines(words: list[Word]) -> list[str]:
    """A page's lines, top to bottom, from its words' positions."""
    rows: dict[float, list[Word]] = {}
    for word in words:
        key = next((y for y in rows if abs(y - word.y) < 1.0), word.y)
        rows.setdefault(key, []).append(word)
    return [" ".join(w.text for w in sorted(rows[y], key=lambda w: w.x)) for y in sorted(rows)]


def check_marked_pages(rendered: Rendered, banner: str) -> None:
    """Every page opens and closes with the marking and says "Page N of M" (M right)."""
    total = len(rendered.pages)
    assert total >= 1 and len(rendered.words) == total
    for number, words in enumerate(rendered.words, start=1):
        lines = page_lines(words)
        assert lines[0] == banner, f"page {number} header: {lines[0]!r}"
        assert lines[-1] == banner, f"page {number} footer: {lines[-1]!r}"
        assert any(line.endswith(f"Page {number} of {total}") for line in lines), \
            f"page {number} has no 'Page {number} of {total}'"


def check_numbers_unwrapped(rendered: Rendered, docx: Path) -> list[str]:
    """Every number cell sits on one line; returns the cells checked."""
    cells = number_cells(docx)
    wrapped = [c for c in cells if not on_one_line(rendered, c)]
    assert wrapped == [], f"table cells wrapped across lines: {wrapped}"
    return cells
