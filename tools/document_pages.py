"""Write docs/images/*.png: a page of each document the catalogue produces, as its readers see
it (LibreOffice lays the Word file out; poppler's pdftoppm draws the page, small).

Builds a sample register in a temporary folder, writes each document with the same core
functions the CLI and the app use, and keeps one page of each. Needs LibreOffice (soffice)
and poppler-utils (`make office` installs both). Run it when a document's layout changes:

    .venv/bin/python tools/document_pages.py

To show another document, add a function to PAGES: it writes the Word file into the folder
it is given and returns (its path, the page to show, the image's name).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
IMAGES = ROOT / "docs" / "images"
RESOLUTION = 60  # dots per inch: small files, still legible enough to see the layout


def _store(folder: Path):  # type: ignore[no-untyped-def]
    from catalogue.core.store import open_store

    return open_store(folder / "sample.db")


def _programme(store) -> int:  # type: ignore[no-untyped-def]
    from catalogue.core.programmes.changes import create_programme
    from catalogue.core.programmes.model import ModuleEntry

    modules = ["cmd-decision-logs", "cmd-gold-silver-bronze", "cmd-national-decision-model",
               "cmd-public-order-command", "cmd-span-of-command", "inv-community-impact",
               "inv-golden-hour", "inv-investigation-foundations", "inv-investigative-strategy",
               "inv-disclosure-cpia", "ct-prevent"]
    entries = [ModuleEntry(m) for m in modules]
    entries[3] = ModuleEntry("cmd-public-order-command", 24, "shortened at the force's request")
    return create_programme(store, {
        "title": "Kenya command and investigation course", "country": "Kenya",
        "public_title": "Command and investigation course, Kenya", "trainers": 2,
        "start_date": "2027-03-01", "audience_level": "inspector", "cohort_size": 20,
        "delivery_mode": "in-country",
        "notes": "Two weeks for newly promoted inspectors: command of critical incidents "
                 "and investigations to human-rights standards."}, entries)


def outline(folder: Path) -> tuple[Path, int, str]:
    from catalogue.core.exports.render import save_export

    store = _store(folder)
    path = save_export(store, _programme(store), "docx", folder / "outline.docx",
                       author="A. Trainer")
    return path, 1, "outline-page-1"


def public_outline(folder: Path) -> tuple[Path, int, str]:
    from catalogue.core.exports.render import save_export

    store = _store(folder)
    path = save_export(store, _programme(store), "docx", folder / "public.docx", redact=True,
                       author="A. Trainer")
    return path, 1, "outline-public-page-1"


def ipab_pack(folder: Path) -> tuple[Path, int, str]:
    from datetime import date

    from catalogue.core.requests.pack import save_pack
    from catalogue.core.requests.register import create_request, link_programme
    from catalogue.core.rules.scope import build_scope

    store = _store(folder)
    scope = build_scope(store, "Kenya", disciplines=["command", "investigation"],
                        audience=["inspector", "public-order"], cohort=20,
                        location="in-country", delivered_by=["staff", "serving-officers"],
                        start=date(2027, 3, 1), end=date(2027, 3, 12))
    request = create_request(store, "Kenya Police Service", scope, by="A. Officer",
                             funder="Kenya Police Service (receiving body)",
                             partners="UNODC Regional Office for Eastern Africa")
    link_programme(store, request.id, _programme(store), by="A. Officer")
    path, _pack = save_pack(store, request.id, folder / "ipab.docx", author="A. Officer")
    return path, 1, "ipab-draft-page-1"


def osja_assessment(folder: Path) -> tuple[Path, int, str]:
    """A request assessed twice: a first version, then one judging a serious risk."""
    from datetime import date, timedelta

    from catalogue.core.exports.osja_document import save_osja
    from catalogue.core.osja.record import AssessmentInput, record_assessment
    from catalogue.core.osja.view import osja_overview
    from catalogue.core.requests.register import create_request
    from catalogue.core.rules.scope import build_scope

    store = _store(folder)
    scope = build_scope(store, "Kenya", disciplines=["command", "investigation"],
                        audience=["inspector", "public-order"], location="in-country",
                        start=date(2027, 3, 1), end=date(2027, 3, 12))
    request = create_request(store, "Kenya Police Service", scope, by="A. Officer")
    day = date.today()
    prompts = [p["id"] for p in osja_overview(store, request.id, day)["prompts"]]
    for serious, level, why, author in (
            ("no", "head-of-department", "no serious risk found; assurances on conduct",
             "J. Smith"),
            ("yes", "minister", "serious risk after reports of deaths in custody: Ministers "
                                "oversee it", "R. Jones")):
        record_assessment(store, request.id, AssessmentInput(
            author=author, assessed_on=day, stage1_reference="BHC Nairobi OSJA 2026/3",
            stage1_date=day - timedelta(days=30), serious_risk=serious, ihl="does-not-apply",
            decided_level=level, decided_reason=why,
            answers={p: ("yes" if serious == "yes" and p == "serious-risk" else "no")
                     for p in prompts},
            notes={"reputation": "press interest in custody deaths; lines agreed with Post"},
            mitigations="Human rights module in every course; participants vetted by Post",
            consulted=[("BHC Nairobi political section", day - timedelta(days=7))],
            below_reason=("written assurances on the death penalty obtained through Post"
                          if level != "minister" else None)),
            by="A. Officer", today=day)
    path = save_osja(store, request.id, "docx", folder / "osja.docx", author="A. Officer")
    return path, 1, "osja-assessment-page-1"


PAGES: list[Callable[[Path], tuple[Path, int, str]]] = [outline, public_outline, ipab_pack,
                                                        osja_assessment]


def main() -> int:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdftoppm = shutil.which("pdftoppm")
    if soffice is None or pdftoppm is None:
        print("needs LibreOffice and poppler-utils: run `make office` as root", file=sys.stderr)
        return 1
    IMAGES.mkdir(parents=True, exist_ok=True)
    for make in PAGES:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            docx, page, name = make(folder)
            subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{folder}/lo",
                            "--convert-to", "pdf", "--outdir", str(folder), str(docx)],
                           check=True, capture_output=True, timeout=240)
            pdf = folder / f"{docx.stem}.pdf"
            subprocess.run([pdftoppm, "-png", "-r", str(RESOLUTION), "-f", str(page), "-l",
                            str(page), "-singlefile", str(pdf), str(IMAGES / name)], check=True)
            print(IMAGES / f"{name}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
