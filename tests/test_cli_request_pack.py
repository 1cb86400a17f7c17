"""``catalogue request pack`` and the funder/partners options (CliRunner)."""

from __future__ import annotations

import io
from pathlib import Path

from programme_helpers import docx_text


def _new(invoke, *extra: str) -> str:  # type: ignore[no-untyped-def]
    result = invoke("request", "new", "--body", "Kenya Police Service", "--country", "Kenya",
                    "--discipline", "investigation", "--cohort", "20", "--audience", "inspector",
                    "--delivered-by", "serving-officers", "--json", *extra)
    assert result.exit_code == 0, result.output
    import json

    return str(json.loads(result.stdout)["id"])


def test_pack_as_word_and_markdown(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rid = _new(invoke, "--funder", "CSSF [bold]fund[/bold]")
    docx, md = tmp_path / "ipab.docx", tmp_path / "ipab.MD"
    result = invoke("request", "pack", rid, "-o", str(docx), "--author", "J. Smith")
    assert result.exit_code == 0, result.output
    assert f"Wrote the IPAB submission draft of request {rid} to {docx}" in result.stdout
    assert "fields to complete, listed on its first page" in result.stdout
    text = docx_text(docx.read_bytes())
    assert "Before sending:" in text and "Police Act 1996 s.26 authority" in text
    assert "CSSF [bold]fund[/bold]" in text and "J. Smith" in text
    from docx import Document

    doc = Document(io.BytesIO(docx.read_bytes()))
    assert doc.sections[0].header.paragraphs[0].text == "OFFICIAL"
    assert invoke("request", "pack", rid, "-o", str(md)).exit_code == 0
    lines = md.read_text(encoding="utf-8").splitlines()
    assert lines[0] == lines[-1] == "**OFFICIAL**"
    assert any(line.startswith("- [ ] **Police Act 1996 s.26 authority**") for line in lines)
    assert oct(md.stat().st_mode & 0o777) == "0o600"


def test_pack_errors_have_their_exit_codes(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rid = _new(invoke)
    unknown = invoke("request", "pack", "999", "-o", str(tmp_path / "x.docx"))
    assert (unknown.exit_code, unknown.stderr) == (1, "catalogue: no request 999\n")
    suffix = invoke("request", "pack", rid, "-o", str(tmp_path / "x.pdf"))
    assert suffix.exit_code == 2 and ".docx (Word) or .md (Markdown)" in suffix.stderr
    assert not (tmp_path / "x.pdf").exists()
    assert invoke("request", "pack", rid).exit_code == 2  # no -o
    target = tmp_path / "x.md"
    target.write_text("mine")
    exists = invoke("request", "pack", rid, "-o", str(target))
    assert exists.exit_code == 6 and "--force" in exists.stderr
    assert target.read_text() == "mine"
    assert invoke("request", "pack", rid, "-o", str(target), "--force").exit_code == 0
    missing = invoke("request", "pack", rid, "-o", str(tmp_path / "no" / "x.md"))
    assert missing.exit_code == 6 and len(missing.stderr.splitlines()) == 1


def test_funder_and_partners_from_the_command_line(invoke) -> None:  # type: ignore[no-untyped-def]
    rid = _new(invoke, "--partners", "UNODC")
    assert invoke("request", "edit", rid, "--funder", "Kenya Police Service").exit_code == 0
    shown = invoke("request", "show", rid).stdout
    assert "Kenya Police Service" in shown and "UNODC" in shown
    cleared = invoke("request", "edit", rid, "--clear", "funder")
    assert cleared.exit_code == 0, cleared.output
    long = invoke("request", "edit", rid, "--partners", "x" * 600)
    assert long.exit_code == 2 and "--partners" in long.stderr
