"""Every export format, read back: Markdown structure, JSON against its schema, CSV, Word."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import jsonschema
import pytest

from catalogue.core.errors import InvalidInputError
from catalogue.core.exports.render import check_format, export_outline, outline_document, render
from programme_helpers import docx_text, make_programme

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "docs" / "programme.schema.json")
                    .read_text(encoding="utf-8"))
TOP_KEYS = ["format", "format_version", "generated_at", "redacted", "programme", "modules",
            "totals", "days_by_discipline", "principles", "warnings", "sensitivity", "approval",
            "costing", "withheld"]


@pytest.fixture
def programme(store):  # type: ignore[no-untyped-def]
    return make_programme(
        store, ["cmd-national-decision-model", ("cmd-decision-logs", 4.5, "=SUM(A1) *bold* | pipe"),
                "inv-investigation-foundations", "ct-contest-four-ps"],
        title="Kenya *command* | course #1", start_date="2026-05-04", audience_level="sergeant",
        cohort_size=20, trainers=2, notes="Line one\nLine two", language_notes="Swahili",
        vulnerability_notes="no radios", commercial_terms="paid in advance")


def _validator():  # type: ignore[no-untyped-def]
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    return jsonschema.Draft202012Validator(
        SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


@pytest.mark.parametrize("redact", [False, True])
def test_json_matches_the_schema_with_stable_keys(store, programme, redact: bool) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(render(export_outline(store, programme, redact=redact), "json"))
    _validator().validate(data)
    assert list(data) == TOP_KEYS
    assert data["redacted"] is redact
    assert data["totals"]["hours"] == 12 + 4.5 + 30 + 6


def test_the_schema_rejects_a_broken_outline(store, programme) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(render(export_outline(store, programme), "json"))
    data["modules"][0]["hours"] = "twelve"
    del data["totals"]["scheduled_days"]
    errors = list(_validator().iter_errors(data))
    assert len(errors) == 2


def _cells(line: str) -> list[str]:
    """Cells of a Markdown table row, splitting on pipes that are not escaped."""
    return [c.strip() for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]


def test_markdown_has_headings_tables_outcomes_flags_and_totals(store, programme) -> None:  # type: ignore[no-untyped-def]
    outline = export_outline(store, programme)
    text = render(outline, "md", outline_document(store, outline)).decode("utf-8")
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings[0] == r"# Kenya \*command\* \| course \#1"
    assert [h for h in headings if h.startswith("## ")] == [
        "## Modules", "## Days by discipline", "## Learning outcomes",
        "## Stabilisation Unit principles", "## Warnings", "## Approvals", "## Cost estimate",
        "## Notes", "## Vulnerability notes", "## Commercial terms"]
    lines = text.splitlines()
    start = lines.index("## Modules") + 2
    table = lines[start:lines.index("", start)]
    assert _cells(table[0]) == ["#", "Module", "Discipline", "Levels", "Hours", "Notes"]
    rows = [_cells(line) for line in table[2:]]
    assert [r[0] for r in rows] == ["1", "2", "3", "4"]
    assert all(len(r) == 6 for r in rows)
    assert rows[1][4] == "4.5 (library 6)"
    assert rows[1][5] == r"=SUM(A1) \*bold\* \| pipe"
    for module in outline["modules"]:
        for outcome in module["outcomes"]:
            assert outcome.replace("(", "(") in text.replace("\\", "")
    for flag in outline["approval"]["flags"]:
        assert f"**{flag['title']}**" in text.replace("\\", "")
    assert "52.5 hours in 4 modules: 8 training days and 4.5 hours at 6 hours a day" in text
    assert "Total (estimate): GBP" in text
    assert f"Rates: {outline['costing']['rates_source']}." in text
    assert "Line one\nLine two" in text


def test_csv_has_one_row_per_module_and_disarms_formulas(store, programme) -> None:  # type: ignore[no-untyped-def]
    outline = export_outline(store, programme)
    rows = list(csv.DictReader(io.StringIO(render(outline, "csv").decode("utf-8"))))
    assert [r["module_id"] for r in rows] == [m["id"] for m in outline["modules"]]
    assert sum(float(r["hours"]) for r in rows) == outline["totals"]["hours"]
    logs = rows[1]
    assert (logs["hours"], logs["library_hours"], logs["hours_overridden"]) == ("4.5", "6", "yes")
    assert logs["notes"] == "'=SUM(A1) *bold* | pipe"
    assert logs["outcomes"].split("; ")[0] == outline["modules"][1]["outcomes"][0]


def test_docx_opens_with_title_headings_and_tables(store, programme) -> None:  # type: ignore[no-untyped-def]
    from docx import Document

    outline = export_outline(store, programme)
    data = render(outline, "docx", outline_document(store, outline))
    doc = Document(io.BytesIO(data))
    assert doc.core_properties.title == "Kenya *command* | course #1"
    styled = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith(("Title",
                                                                                         "Heading"))]
    assert styled[0] == ("Title", "Kenya *command* | course #1")
    assert ("Heading 1", "Modules") in styled and ("Heading 1", "Cost estimate") in styled
    assert ("Heading 2", "2. Decision logs and recording rationale") in styled
    control = {row.cells[0].text: row.cells[1].text for row in doc.tables[0].rows}
    assert control["Classification"] == "OFFICIAL-SENSITIVE"  # a counter-terrorism module
    assert "confidential in the organisation's local sensitivity scheme" in \
        control["Marking basis"]
    assert control["Version"].startswith("draft ") and control["Author"]
    modules = doc.tables[2]
    assert [c.text for c in modules.rows[0].cells] == ["#", "Module", "Discipline", "Levels",
                                                      "Hours", "Notes"]
    assert len(modules.rows) == 1 + len(outline["modules"])
    assert modules.rows[2].cells[1].text == "Decision logs and recording rationale (cmd-decision-logs)"
    text = docx_text(data)
    for flag in outline["approval"]["flags"]:
        assert flag["title"] in text and flag["why"] in text
    assert outline["modules"][0]["outcomes"][0] in text
    assert f"Rates: {outline['costing']['rates_source']}." in text
    bullets = [p for p in doc.paragraphs if p.style.name == "List Bullet"]
    assert len(bullets) >= sum(len(m["outcomes"]) for m in outline["modules"])


def test_control_characters_in_user_text_are_shown_not_obeyed(store) -> None:  # type: ignore[no-untyped-def]
    pid = make_programme(store, [("cmd-decision-logs", None, "bell\x07 escape\x1b[31m red")],
                         title="Title\x1b]0;evil\x07")
    outline = export_outline(store, pid)
    for fmt in ("md", "csv", "json"):
        text = render(outline, fmt, outline_document(store, outline)).decode("utf-8")
        assert "\x1b" not in text and "\x07" not in text
    assert "escape\\x1b[31m" in docx_text(render(outline, "docx", outline_document(store, outline)))


def test_format_names() -> None:
    assert [check_format(f) for f in ("md", "Markdown", "JSON", "csv", "word")] == \
        ["md", "md", "json", "csv", "docx"]
    with pytest.raises(InvalidInputError, match="choose one of"):
        check_format("pdf")
