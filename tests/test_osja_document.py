"""The OSJA assessment as a document: every version as recorded (prompts, answers, notes,
judgement, mitigations, consultees, decision, facts) and a version history, marked."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalogue.core.errors import NotFoundError, OutputError, RefusedError
from catalogue.core.exports.osja_document import export_osja, save_osja
from catalogue.core.osja.document import osja_document
from catalogue.core.store import Store
from osja_helpers import assessed_twice
from programme_helpers import docx_text
from request_helpers import new_request, record_osja


def test_every_version_newest_first_with_its_record(store: Store) -> None:
    rid = assessed_twice(store)
    doc = osja_document(store, rid)
    assert [v.version for v in doc.versions] == [2, 1]
    assert [row[0] for row in doc.history] == ["1", "2"]
    newest, oldest = doc.versions
    assert newest.mitigations.startswith("Vetting of participants")
    assert ("FCDO desk [b]officer[/b]", newest.consulted[1][1]) in newest.consulted
    assert dict(newest.judgement)["Serious risk"].startswith("Yes: there is a serious risk")
    assert "assumed to apply" in dict(newest.judgement)["International humanitarian law (IHL)"]
    assert dict(newest.decision)["Approval level decided"] == "Minister"
    assert newest.suggested_reasons and all("(" in r for r in newest.suggested_reasons)
    notes = {a.question_id: a.note for a in oldest.answers}
    assert notes["reputation"] == "Press | interest *in* custody deaths"
    assert all(a.answer == "Unclear" for a in oldest.answers)
    assert oldest.answers[0].prompt.endswith("?")  # the prompt's wording as recorded
    assert dict(doc.request)["Disciplines"] == "Leadership, Investigation"
    assert dict(doc.versions[0].facts)["Country"] == "Kenya (KE)"


def test_markdown_holds_it_all_escaped_and_marked(store: Store) -> None:
    rid = assessed_twice(store)
    text = export_osja(store, rid, "md").decode("utf-8")
    assert text.startswith("**OFFICIAL-SENSITIVE**\n")
    assert text.rstrip().endswith("SENSITIVE**")
    assert "## Version history" in text and "## Version 2" in text and "## Version 1" in text
    assert text.index("## Version 2") < text.index("## Version 1")
    assert "Press \\| interest \\*in\\* custody deaths" in text
    assert "FCDO desk \\[b\\]officer\\[/b\\]" in text
    assert "### Prompts and answers" in text and "### Consulted" in text
    assert "### Decision" in text and "### Facts relied on" in text
    assert "local practice: an OSJA assessment records" in text  # the marking's basis


def test_word_holds_the_same_and_names_the_marking(store: Store, tmp_path: Path) -> None:
    rid = assessed_twice(store)
    path = save_osja(store, rid, "docx", tmp_path / "osja.docx", author="J. Smith")
    text = docx_text(path.read_bytes())
    for words in ("Version history", "Version 2", "Prompts and answers", "Judgement",
                  "Mitigations", "Consulted", "Decision", "Facts relied on",
                  "Vetting of participants", "FCDO desk [b]officer[/b]",
                  "Press | interest *in* custody deaths", "J. Smith", "OFFICIAL-SENSITIVE"):
        assert words in text, words
    from docx import Document

    header = Document(str(path)).sections[0].header.paragraphs[0].text
    assert header == "OFFICIAL-SENSITIVE"
    with pytest.raises(OutputError, match="already exists"):
        save_osja(store, rid, "docx", path)


def test_the_floor_comes_from_the_policy(store: Store) -> None:
    """Marked at [osja] document_level unless the training is more sensitive."""
    import json

    rid = assessed_twice(store)
    text = export_osja(store, rid, "md").decode("utf-8")
    assert "OFFICIAL-SENSITIVE" in text.splitlines()[0]
    policy = json.loads(store.scalar("SELECT value FROM policy WHERE key = 'approval'"))
    policy["osja"]["document_level"] = "public"
    store.conn.execute("UPDATE policy SET value = ? WHERE key = 'approval'", (json.dumps(policy),))
    store.conn.commit()
    assert export_osja(store, rid, "md").decode("utf-8").splitlines()[0] == "**OFFICIAL**"


def test_nothing_recorded_is_refused_and_unknown_is_not_found(store: Store) -> None:
    request = new_request(store, "KE")
    with pytest.raises(RefusedError, match="no OSJA assessment recorded yet"):
        export_osja(store, request.id, "md")
    with pytest.raises(NotFoundError):
        export_osja(store, 999, "md")


def test_the_same_record_gives_the_same_version(store: Store) -> None:
    rid = assessed_twice(store)

    def version(text: str) -> str:
        return next(line for line in text.splitlines() if line.startswith("| Version | draft"))

    first = version(export_osja(store, rid, "md").decode("utf-8"))
    assert first == version(export_osja(store, rid, "md").decode("utf-8"))
    record_osja(store, rid, level="minister")
    assert first != version(export_osja(store, rid, "md").decode("utf-8"))
