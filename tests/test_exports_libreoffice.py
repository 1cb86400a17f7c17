"""The Word export opens in LibreOffice, as users' word processors open it.

`make test` installs LibreOffice (Debian's libreoffice-writer-nogui) when it is missing and
make runs as root (the Makefile's `office` target); elsewhere these tests are skipped and say
so.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from catalogue.core.exports.render import save_export
from catalogue.core.programmes.templates import create_from_template
from catalogue.core.store import Store
from programme_helpers import make_programme

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_office = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice is not installed here; `make test` installs it when "
                            "run as root (make office), or install libreoffice-writer-nogui")


def _as_text(docx: Path, tmp_path: Path) -> str:
    """The document as LibreOffice reads it, saved as plain text."""
    assert SOFFICE is not None
    result = subprocess.run(
        [SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
         "--convert-to", "txt:Text", "--outdir", str(tmp_path), str(docx)],
        capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    return (tmp_path / f"{docx.stem}.txt").read_text(encoding="utf-8-sig")


@needs_office
def test_libreoffice_reads_the_word_export(store: Store, tmp_path: Path) -> None:
    programme_id = create_from_template(store, "investigation",
                                        {"title": "Investigation for Kenya", "country": "KE"})
    docx = save_export(store, programme_id, "docx", tmp_path / "outline.docx")
    text = _as_text(docx, tmp_path)
    assert "Investigation for Kenya" in text
    assert "PEACE" in text or "Modules" in text


@needs_office
def test_libreoffice_shows_a_redacted_word_export_without_its_secrets(store: Store,
                                                                      tmp_path: Path) -> None:
    pid = make_programme(store, [("cmd-decision-logs", None, "PUBLIC-MODULE-NOTE"),
                                 "ct-prevent", "ct-terrorism-law"],
                         title="Kenya CT course", language_notes="LANGUAGE-CANARY-88",
                         vulnerability_notes="VULNERABILITY-CANARY-17", trainers=2,
                         delivery_mode="in-country", start_date="2027-03-01")
    docx = save_export(store, pid, "docx", tmp_path / "public.docx", redact=True)
    text = _as_text(docx, tmp_path)
    assert "Training programme for Kenya" in text
    assert "PUBLIC-MODULE-NOTE" in text
    for secret in ("Kenya CT course", "LANGUAGE-CANARY-88", "VULNERABILITY-CANARY-17",
                   "Prevent", "2027-03-01", "counter-terror"):
        assert secret.lower() not in text.lower(), secret
    assert "Sensitivity" not in [line.strip() for line in text.splitlines()]  # no facts row
    assert "3 modules (1 listed, 2 withheld)" in text
