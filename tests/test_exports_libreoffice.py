"""The Word export opens in LibreOffice (run where LibreOffice is installed)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from catalogue.core.exports.render import save_export
from catalogue.core.programmes.templates import create_from_template
from catalogue.core.store import Store

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed here")
def test_libreoffice_reads_the_word_export(store: Store, tmp_path: Path) -> None:
    programme_id = create_from_template(store, "investigation",
                                        {"title": "Investigation for Kenya", "country": "KE"})
    docx = save_export(store, programme_id, "docx", tmp_path / "outline.docx")
    assert SOFFICE is not None
    result = subprocess.run(
        [SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
         "--convert-to", "txt:Text", "--outdir", str(tmp_path), str(docx)],
        capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "outline.txt").read_text(encoding="utf-8-sig")
    assert "Investigation for Kenya" in text
    assert "PEACE" in text or "Modules" in text
