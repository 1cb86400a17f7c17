"""Every Word document, laid out by LibreOffice: the page count, the marking at the top and
bottom of every page, "Page N of M", and no table cell wrapping a number (office_helpers.py).

Each document is one entry of DOCUMENTS: a function writing it into a folder from a store
and returning its path and the marking its pages must carry. Add a new document there.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from catalogue.core.exports.render import save_export
from catalogue.core.store import Store
from office_helpers import (
    check_marked_pages,
    check_numbers_unwrapped,
    needs_office,
    render,
)
from programme_helpers import make_programme

TWELVE = ["cmd-decision-logs", "cmd-firearms-command", "cmd-gold-silver-bronze",
          ("cmd-multi-agency-jesip", 7, "shorter: the partner asked for a one-day version"),
          "cmd-national-decision-model", "cmd-public-order-command", "cmd-span-of-command",
          "inv-community-impact", "inv-disclosure-cpia", "inv-golden-hour",
          "inv-investigation-foundations", "ct-prevent"]


def _programme(store: Store) -> int:
    """Twelve modules (so "10", "11" and "12" in the # column), one with its hours changed
    ("7 (library 12)"), a counter-terrorism module (confidential), a cost estimate."""
    return make_programme(store, TWELVE, title="Kenya command and investigation course",
                          trainers=2, start_date="2027-03-01", audience_level="inspector",
                          cohort_size=20, delivery_mode="in-country",
                          notes="A two-week course for newly promoted inspectors.")


def outline(store: Store, folder: Path) -> tuple[Path, str, range]:
    path = save_export(store, _programme(store), "docx", folder / "outline.docx")
    return path, "OFFICIAL-SENSITIVE", range(5, 10)


def public_outline(store: Store, folder: Path) -> tuple[Path, str, range]:
    path = save_export(store, _programme(store), "docx", folder / "public.docx", redact=True)
    return path, "OFFICIAL - PUBLIC VERSION (REDACTED)", range(4, 9)


def plain_outline(store: Store, folder: Path) -> tuple[Path, str, range]:
    pid = make_programme(store, ["cmd-decision-logs"], title="Short course")
    return save_export(store, pid, "docx", folder / "short.docx"), "OFFICIAL", range(1, 4)


def osja_assessment(store: Store, folder: Path) -> tuple[Path, str, range]:
    """Two versions of a request's OSJA assessment, with the version history."""
    from catalogue.core.exports.osja_document import save_osja
    from osja_helpers import assessed_twice

    return save_osja(store, assessed_twice(store), "docx", folder / "osja.docx"), \
        "OFFICIAL-SENSITIVE", range(4, 8)


def ipab_pack(store: Store, folder: Path) -> tuple[Path, str, range]:
    """A request linked to the twelve-module programme (its modules, hours and cost lines as
    tables) with a counter-terrorism module: marked OFFICIAL-SENSITIVE."""
    from catalogue.core.requests.pack import save_pack
    from catalogue.core.requests.register import link_programme
    from request_helpers import new_request

    request = new_request(store, audience=["inspector"], cohort=20,
                          delivered_by=["serving-officers"], location="in-country")
    link_programme(store, request.id, _programme(store), by="tester")
    path, pack = save_pack(store, request.id, folder / "ipab.docx")
    assert pack.checklist  # the first page lists what is missing
    return path, "OFFICIAL-SENSITIVE", range(2, 6)


def bare_ipab_pack(store: Store, folder: Path) -> tuple[Path, str, range]:
    from catalogue.core.requests.pack import save_pack
    from request_helpers import new_request

    path, _pack = save_pack(store, new_request(store).id, folder / "bare.docx")
    return path, "OFFICIAL", range(1, 4)


DOCUMENTS: dict[str, Callable[[Store, Path], tuple[Path, str, range]]] = {
    "outline": outline, "public outline": public_outline, "one-module outline": plain_outline,
    "osja assessment": osja_assessment,
    "IPAB pack": ipab_pack, "bare IPAB pack": bare_ipab_pack,
}


@needs_office
@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_every_page_is_marked_numbered_and_no_number_wraps(store: Store, tmp_path: Path,
                                                          name: str) -> None:
    docx, banner, pages = DOCUMENTS[name](store, tmp_path)
    rendered = render(docx, tmp_path)
    assert len(rendered.pages) in pages, f"{name}: {len(rendered.pages)} pages"
    check_marked_pages(rendered, banner)
    checked = check_numbers_unwrapped(rendered, docx)
    assert checked or name == "bare IPAB pack", "the document has number cells to check"
    if name in ("outline", "IPAB pack"):
        assert {"10", "11", "12", "7 (library 12)"} <= set(checked)
    if "IPAB" in name:  # the checklist is on the first page
        assert "Before sending:" in rendered.pages[0] and "Marking basis" in rendered.pages[0]


@needs_office
def test_the_check_catches_a_wrapped_number(store: Store, tmp_path: Path) -> None:
    """The wrap check fails on a table whose number column is too narrow (it can fail)."""
    from docx import Document
    from docx.shared import Cm

    doc = Document()
    table = doc.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    table.autofit = False
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "123456", "text"
    for column, width in zip(table.columns, (Cm(0.5), Cm(10)), strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width
    path = tmp_path / "narrow.docx"
    doc.save(str(path))
    with pytest.raises(AssertionError, match="wrapped"):
        check_numbers_unwrapped(render(path, tmp_path), path)
