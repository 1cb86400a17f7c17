"""``catalogue osja export`` through click's CliRunner."""

from __future__ import annotations

from pathlib import Path

from catalogue.core.store import open_store
from programme_helpers import docx_text
from request_helpers import new_request, record_osja


def _request(db_path: Path, *, assessed: bool = True) -> int:
    store = open_store(db_path)
    try:
        request = new_request(store, "KE")
        if assessed:
            record_osja(store, request.id)
        return request.id
    finally:
        store.close()


def test_to_word_and_to_standard_output(invoke, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rid = _request(db_path)
    target = tmp_path / "osja.docx"
    result = invoke("osja", "export", str(rid), "-o", str(target), "--author", "J. Smith")
    assert result.exit_code == 0, result.output
    assert f"Wrote the OSJA assessment of request {rid} (docx) to {target}" in result.output
    text = docx_text(target.read_bytes())
    assert "Version history" in text and "J. Smith" in text
    markdown = invoke("osja", "export", str(rid))
    assert markdown.exit_code == 0 and markdown.stdout.startswith("**OFFICIAL-SENSITIVE**")
    assert "## Version 1" in markdown.stdout


def test_mistakes_are_one_line_with_their_exit_code(invoke, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rid = _request(db_path)
    bare = _request(db_path, assessed=False)
    taken = tmp_path / "taken.md"
    taken.write_text("mine", encoding="utf-8")
    cases = [
        (("osja", "export", str(rid), "--format", "docx"), 2, "-o FILE"),
        (("osja", "export", str(bare)), 5, "no OSJA assessment recorded yet"),
        (("osja", "export", "999"), 1, "no request 999"),
        (("osja", "export", str(rid), "-o", str(taken)), 6, "already exists"),
        (("osja", "export", str(rid), "-o", str(tmp_path / "no" / "x.md")), 6, "does not exist"),
        (("osja", "export", str(rid), "-o", str(tmp_path / "osja.pdf")), 2,
         "cannot tell the format from '.pdf'"),
    ]
    for args, code, words in cases:
        result = invoke(*args)
        assert result.exit_code == code, (args, result.output)
        assert words in result.stderr and "Traceback" not in result.output, (args, result.output)
    assert taken.read_text(encoding="utf-8") == "mine"
    assert not (tmp_path / "osja.pdf").exists()  # never Markdown under another name
