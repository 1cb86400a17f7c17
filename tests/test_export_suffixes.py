"""A file named for one format is never written in another (core exports/suffixes.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalogue.core.errors import InvalidInputError
from catalogue.core.exports.osja_document import save_osja
from catalogue.core.exports.render import save_export
from catalogue.core.exports.suffixes import check_suffix
from catalogue.core.iati.export import save_iati
from catalogue.core.programmes.changes import add_modules, create_programme
from catalogue.core.store import Store
from request_helpers import new_request, record_osja


@pytest.mark.parametrize(("name", "fmt"), [
    ("outline.md", "docx"), ("outline.DOCX", "md"), ("outline.json", "csv"),
    ("outline.csv", "json"), ("activity.md", "iati"), ("outline.xml", "md")])
def test_a_suffix_naming_another_format_is_refused(name: str, fmt: str) -> None:
    with pytest.raises(InvalidInputError, match="nothing was written") as caught:
        check_suffix(Path("/tmp") / name, fmt)
    assert Path(name).stem in str(caught.value)


@pytest.mark.parametrize(("name", "fmt"), [
    ("outline.md", "md"), ("outline.markdown", "md"), ("outline.DOCX", "docx"),
    ("outline.txt", "md"), ("outline", "docx"), ("activity.xml", "iati")])
def test_a_matching_or_unclaimed_suffix_is_the_users_choice(name: str, fmt: str) -> None:
    check_suffix(Path("/tmp") / name, fmt)


def test_the_savers_refuse_before_writing_anything(store: Store, tmp_path: Path) -> None:
    pid = create_programme(store, {"title": "Suffixes", "country": "Kenya"})
    add_modules(store, pid, ["cmd-national-decision-model"])
    request = new_request(store, "KE")
    record_osja(store, request.id)
    with pytest.raises(InvalidInputError):
        save_export(store, pid, "word", tmp_path / "outline.md")
    with pytest.raises(InvalidInputError):
        save_osja(store, request.id, "docx", tmp_path / "osja.md")
    with pytest.raises(InvalidInputError):
        save_iati(store, tmp_path / "activity.json", pid)
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("catalogue.db")] == []
    assert save_export(store, pid, "docx", tmp_path / "outline.docx").read_bytes()[:2] == b"PK"
