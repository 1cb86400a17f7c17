"""Marked documents: the classification derived from the content's local sensitivity (never
invented), the details every document carries, and Word tables that fit their content."""

from __future__ import annotations

import io
import zipfile

import pytest

from catalogue.core.exports.docx_marked import EMU_PER_PT, add_table, fit_widths, text_width
from catalogue.core.exports.marking import derive_marking, document_info
from catalogue.core.exports.render import export_outline, outline_document, render
from catalogue.core.sensitivity import sensitivity_scheme
from catalogue.core.store import Store
from programme_helpers import make_programme


@pytest.mark.parametrize(("levels", "marking", "level"), [
    ([], "OFFICIAL", "public"),
    (["public", "restricted"], "OFFICIAL", "restricted"),
    (["public", "confidential", "restricted"], "OFFICIAL-SENSITIVE", "confidential"),
    (["public", None], "OFFICIAL-SENSITIVE", "confidential"),  # unknown: never under-marked
    (["no-such-level"], "OFFICIAL-SENSITIVE", "confidential"),
])
def test_the_marking_is_the_highest_local_level_mapped_by_the_data_file(
        store: Store, levels: list[str | None], marking: str, level: str) -> None:
    found = derive_marking(sensitivity_scheme(store), levels, basis="its modules")
    assert (found.classification, found.level, found.banner) == (marking, level, marking)
    text = found.explanation
    assert f"is {level} in the organisation's local sensitivity scheme" in text
    assert "Government Security Classifications Policy, Cabinet Office (updated 2024-08-05" in text
    assert "data/sensitivity.toml" in text and "not themselves Government Security" in text


def test_a_floor_raises_the_marking_and_says_why(store: Store) -> None:
    scheme = sensitivity_scheme(store)
    found = derive_marking(scheme, ["public"], basis="x", floor="confidential",
                           floor_why="OSJA reasoning, local practice")
    assert found.classification == "OFFICIAL-SENSITIVE"
    assert "this kind of document (OSJA reasoning, local practice)" in found.explanation
    assert derive_marking(scheme, ["confidential"], basis="x", floor="public").level == \
        "confidential"


def test_the_public_version_says_it_is_redacted(store: Store) -> None:
    found = derive_marking(sensitivity_scheme(store), ["confidential"], basis="its modules",
                           public_version=True)
    assert found.banner == "OFFICIAL - PUBLIC VERSION (REDACTED)"
    assert "redacted public version" in found.explanation


def test_the_version_follows_the_content_and_the_author_is_the_login_or_the_named_user(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    marking = derive_marking(sensitivity_scheme(store), [], basis="x")
    one = document_info("Kind", "T", "Ref 1", marking, content={"a": 1})
    assert one.version == document_info("Kind", "T", "Ref 1", marking, content={"a": 1}).version
    assert one.version != document_info("Kind", "T", "Ref 1", marking, content={"a": 2}).version
    monkeypatch.setattr("catalogue.core.identity.os_login", lambda: "jlogin")
    monkeypatch.delenv("CATALOGUE_SIGNED_IN_USER", raising=False)
    assert document_info("K", "T", "R", marking, content=1).author == "jlogin"
    assert document_info("K", "T", "R", marking, content=1, author="A. Jones").author == "A. Jones"


def test_markdown_opens_and_closes_with_the_marking(store: Store) -> None:
    pid = make_programme(store, ["cmd-decision-logs", "ct-prevent"], title="Kenya course")
    outline = export_outline(store, pid)
    lines = render(outline, "md", outline_document(store, outline, author="A. Jones")) \
        .decode().splitlines()
    assert lines[0] == lines[-1] == "**OFFICIAL-SENSITIVE**"
    text = "\n".join(lines)
    assert "| Author | A. Jones |" in text and "| Version | draft " in text
    public = export_outline(store, pid, redact=True)
    lines = render(public, "md", outline_document(store, public)).decode().splitlines()
    assert lines[0] == "**OFFICIAL - PUBLIC VERSION (REDACTED)**"


def test_word_pages_carry_the_marking_page_numbers_and_repeated_shaded_headers(
        store: Store) -> None:
    pid = make_programme(store, ["cmd-decision-logs", ("cmd-span-of-command", 7, None)])
    outline = export_outline(store, pid)
    data = render(outline, "docx", outline_document(store, outline, author="A. Jones"))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        header = archive.read("word/header1.xml").decode()
        footer = archive.read("word/footer1.xml").decode()
        body = archive.read("word/document.xml").decode()
    assert header.count(">OFFICIAL<") == 1 and footer.count(">OFFICIAL<") == 1
    assert " PAGE " in footer and " NUMPAGES " in footer and "A. Jones" in footer
    assert body.count("<w:tblHeader/>") >= 3 and 'w:fill="D9E2F3"' in body
    assert "<w:noWrap/>" in body and '<w:tblLayout w:type="fixed"/>' in body


def test_columns_fit_their_content_and_numbers_keep_their_whole_width() -> None:
    usable = int(481 * EMU_PER_PT)
    rows = [[str(n), "A long module title that may wrap between words", "7 (library 12)"]
            for n in range(1, 13)]
    widths = fit_widths(["#", "Module", "Hours"], rows, usable)
    assert sum(widths) == usable
    points = [w / EMU_PER_PT for w in widths]
    assert points[0] >= text_width("12") and points[2] >= text_width("7 (library 12)")
    assert points[1] > points[2] > points[0]
    # Words never fit: the number columns keep their width, the others share the rest.
    crowded = fit_widths(["#", "Text"], [["10", "x" * 200]], usable)
    assert crowded[0] / EMU_PER_PT >= text_width("10")
    assert len(fit_widths(None, [], usable, columns=2)) == 2  # an empty label/value table


def test_an_empty_label_value_table_is_drawn(store: Store) -> None:
    from docx_helpers import blank_marked_document

    doc = blank_marked_document(store)
    add_table(doc, ["Field", ""], [], header=False)
    assert len(doc.tables[-1].columns) == 2
