"""``catalogue programme``: every command, its output and its exit codes on bad input."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from programme_helpers import docx_text


def _new(invoke, *args: str) -> int:  # type: ignore[no-untyped-def]
    result = invoke("programme", "new", "Kenya command course", "--country", "Kenya",
                    "--json", *args)
    assert result.exit_code == 0, result.output
    return int(json.loads(result.stdout)["id"])


def _state(invoke, pid: int) -> dict:  # type: ignore[no-untyped-def, type-arg]
    result = invoke("programme", "show", str(pid), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    data.pop("generated_at")
    return data  # type: ignore[no-any-return]


def _ids(invoke, pid: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [m["id"] for m in _state(invoke, pid)["modules"]]


def test_new_from_a_template_then_show(invoke) -> None:  # type: ignore[no-untyped-def]
    pid = _new(invoke, "--template", "command", "--level", "inspector", "--start", "2026-05-04",
               "--mode", "blended", "--cohort", "20")
    result = invoke("programme", "show", str(pid))
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith(f"Programme {pid}: Kenya command course")
    assert "cmd-national-decision-model" in out and "Days by discipline:" in out
    assert "Command: 19 training days and 2 hours (116 hours, 7 modules)" in out
    assert "module(s)" not in out and "day(s)" not in out
    assert "(IPAB) form to Joint International Policing Hub (JIPH) (blocker)" in out
    assert "Costs: set the number of trainers" in out
    assert _state(invoke, pid)["programme"]["delivery_mode"] == "blended"


def test_add_a_disciplines_standard_modules(invoke) -> None:  # type: ignore[no-untyped-def]
    """The same core as the app's Ctrl+S: the standard list from the data, minus those in."""
    import tomllib

    from catalogue.core.data.location import data_dir

    ct = next((data_dir() / "disciplines").glob("*counter-terrorism.toml")).read_text()
    standard = tomllib.loads(ct)["discipline"]["standard_modules"]
    pid = _new(invoke)
    assert invoke("programme", "add", str(pid), standard[1]).exit_code == 0
    result = invoke("programme", "add", str(pid), "cmd-multi-agency-jesip", "--standard",
                    "terror")
    assert result.exit_code == 0, result.output
    assert f"{len(standard) - 1} standard modules of Counter-terrorism" in result.stdout
    assert "Local practice" in result.stdout
    assert _ids(invoke, pid) == [standard[1], "cmd-multi-agency-jesip",
                                 *[m for m in standard if m != standard[1]]]
    again = invoke("programme", "add", str(pid), "--standard", "counter-terrorism")
    assert again.exit_code == 0 and "Nothing to add" in again.stdout
    assert invoke("programme", "add", str(pid)).exit_code == 2
    unknown = invoke("programme", "add", str(pid), "--standard", "nonsense")
    assert unknown.exit_code == 1 and "no discipline 'nonsense'" in unknown.stderr


def test_add_move_remove_and_set(invoke) -> None:  # type: ignore[no-untyped-def]
    pid = _new(invoke)
    assert invoke("programme", "add", str(pid), "cmd-gold-silver-bronze",
                  "cmd-national-decision-model").exit_code == 0
    result = invoke("programme", "add", str(pid), "cmd-decision-logs", "--at", "1", "--hours",
                    "4", "--notes", "[bold]as typed[/bold]")
    assert result.exit_code == 0 and "3 modules" in result.stdout
    result = invoke("programme", "move", str(pid), "cmd-national-decision-model", "1")
    assert result.exit_code == 0
    assert result.stdout.strip().endswith(
        "cmd-national-decision-model, cmd-decision-logs, cmd-gold-silver-bronze")
    assert invoke("programme", "remove", str(pid), "3").exit_code == 0
    assert _ids(invoke, pid) == ["cmd-national-decision-model", "cmd-decision-logs"]
    result = invoke("programme", "set", str(pid), "--trainers", "2", "--osja-grade", "medium",
                    "--module", "cmd-decision-logs", "--hours", "library",
                    "--module-notes", "Day 2")
    assert result.exit_code == 0, result.output
    state = _state(invoke, pid)
    assert state["modules"][1]["hours"] == 6 and state["modules"][1]["notes"] == "Day 2"
    assert state["costing"]["osja_grade"] == "medium"
    show = invoke("programme", "show", str(pid)).stdout
    assert "Cost estimate (GBP, estimate):" in show
    assert "Rates: example rates shipped with catalogue" in show


def test_user_text_is_shown_literally(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("programme", "new", "Evil\x1b[2J title [red]x[/red]", "--country", "KE")
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout and "\\x1b[2J" in result.stdout
    assert "[red]x[/red]" in result.stdout


def test_list_search_json_csv_and_paging(invoke) -> None:  # type: ignore[no-untyped-def]
    first = _new(invoke)
    invoke("programme", "new", "Ghana leadership", "--country", "Ghana", "--notes", "pilot run")
    result = invoke("programme", "list", "--search", "pilot", "--json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [r["title"] for r in rows] == ["Ghana leadership"]
    assert rows[0]["country_name"] == "Ghana" and rows[0]["modules"] == 0
    rows = list(csv.DictReader(io.StringIO(invoke("programme", "list", "--csv",
                                                  "--country", "Kenya").stdout)))
    assert [int(r["id"]) for r in rows] == [first]
    paged = invoke("programme", "list", "--limit", "1")
    assert "Rows 1-1 of 2; next page: --offset 1" in paged.stdout
    assert "No programmes found." in invoke("programme", "list", "--search", "zzz").stdout


def test_clone_and_delete(invoke) -> None:  # type: ignore[no-untyped-def]
    pid = _new(invoke, "--template", "leadership", "--vulnerability-notes", "few cars")
    result = invoke("programme", "clone", str(pid), "--country", "Ghana", "--title", "Ghana copy")
    assert result.exit_code == 0 and "Ghana copy" in result.stdout
    copy_id = pid + 1
    state = _state(invoke, copy_id)
    assert state["programme"]["country"]["code"] == "GH"
    assert state["programme"]["vulnerability_notes"] is None
    assert _ids(invoke, copy_id) == _ids(invoke, pid)
    assert invoke("programme", "delete", str(copy_id), input="n\n").exit_code == 0
    assert invoke("programme", "show", str(copy_id)).exit_code == 0
    result = invoke("programme", "delete", str(copy_id), "--yes")
    assert result.exit_code == 0 and "Deleted programme" in result.stdout
    assert invoke("programme", "show", str(copy_id)).exit_code == 1


def test_export_to_stdout_and_files(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pid = _new(invoke, "--template", "investigation", "--trainers", "2")
    md = invoke("programme", "export", str(pid), "--format", "md")
    assert md.exit_code == 0 and md.stdout.startswith("**OFFICIAL**\n\n# Kenya command course\n")
    data = json.loads(invoke("programme", "export", str(pid), "--format", "json").stdout)
    assert data["costing"]["label"] == "estimate"
    public = json.loads(invoke("programme", "export", str(pid), "--format", "json",
                               "--redact").stdout)
    assert public["redacted"] is True and public["costing"] is None
    assert invoke("programme", "export", str(pid), "--format", "csv").stdout.startswith(
        "position,module_id,")
    target = tmp_path / "outline.docx"
    result = invoke("programme", "export", str(pid), "-o", str(target))  # format from the suffix
    assert result.exit_code == 0 and "docx export" in result.stdout
    assert "Foundations of investigation (inv-investigation-foundations)" in \
        docx_text(target.read_bytes())
    before = target.read_bytes()
    again = invoke("programme", "export", str(pid), "-o", str(target))
    assert again.exit_code == 6 and "--force" in again.stderr
    assert target.read_bytes() == before
    forced = invoke("programme", "export", str(pid), "-o", str(target), "--force", "--redact")
    assert forced.exit_code == 0 and target.read_bytes() != before


@pytest.mark.parametrize(("args", "code", "words"), [
    (("add", "{id}", "cmd-no-such-module"), 1, "no module with id"),
    (("add", "{id}", "cmd-decision-logs", "--hours", "0"), 2, "hours"),
    (("add", "{id}", "cmd-decision-logs", "--hours", "1001"), 2, "at most 1000"),
    (("add", "{id}", "cmd-decision-logs", "--hours", "lots"), 2, "not a number"),
    (("set", "{id}", "--start", "2026-02-30"), 2, "not a real date"),
    (("set", "{id}", "--start", "30/01/2026"), 2, "YYYY-MM-DD"),
    (("set", "{id}", "--country", "Atlantis"), 1, "no country"),
    (("set", "{id}", "--level", "admiral"), 1, "unknown audience level"),
    (("set", "{id}", "--cohort", "0"), 2, "cohort size"),
    (("set", "{id}"), 2, "nothing to change"),
    (("set", "{id}", "--hours", "3"), 2, "--module"),
    (("set", "{id}", "--module", "cmd-firearms-command", "--hours", "3"), 1, "not in programme"),
    (("set", "{id}", "--notes", "changed", "--module", "1", "--hours", "-2"), 2, "hours"),
    (("move", "{id}", "cmd-decision-logs", "9"), 2, "out of range"),
    (("remove", "{id}", "7"), 2, "out of range"),
    (("show", "999"), 1, "no programme 999"),
    (("show", "abc"), 2, "not a valid integer"),
    (("export", "{id}", "--format", "docx"), 2, "-o FILE"),
    (("export", "{id}", "-o", "{tmp}/missing/outline.md"), 6, "does not exist"),
    (("export", "{id}", "-o", "{tmp}"), 6, "is a directory"),
    (("export", "{id}", "-o", "{tmp}/outline.pdf"), 2, "cannot tell the format from '.pdf'"),
    (("export", "{id}", "-o", "{tmp}/outline.txt"), 2, "cannot tell the format from '.txt'"),
    (("export", "{id}", "--format", "docx", "-o", "{tmp}/outline.md"), 2,
     "outline.md ends in .md, a Markdown file, but the format is Word"),
    (("clone", "{id}", "--country", "Xyzzyq"), 1, "no country"),
    (("list", "--country", "Xyzzyq"), 1, "no country"),
])
def test_bad_input_one_line_nonzero_exit_nothing_changed(invoke, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                         args: tuple[str, ...], code: int,
                                                         words: str) -> None:
    pid = _new(invoke)
    invoke("programme", "add", str(pid), "cmd-national-decision-model", "cmd-decision-logs")
    before = _state(invoke, pid)
    result = invoke("programme", *(a.format(id=pid, tmp=tmp_path) for a in args))
    assert result.exit_code == code, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("catalogue: ") and words in lines[0]
    assert _state(invoke, pid) == before
    assert invoke("programme", "list", "--json").stdout.count('"id"') == 1
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("catalogue.db")] == []


def test_every_programme_command_has_an_example(invoke) -> None:  # type: ignore[no-untyped-def]
    for name in ("new", "list", "show", "add", "remove", "move", "set", "clone", "export",
                 "delete"):
        result = invoke("programme", name, "--help")
        assert result.exit_code == 0
        assert f"catalogue programme {name}" in result.stdout, name


def test_a_public_title_is_set_shown_and_used_by_redacted_exports(invoke) -> None:  # type: ignore[no-untyped-def]
    pid = _new(invoke)
    result = invoke("programme", "set", str(pid), "--public-title", "Leadership course")
    assert result.exit_code == 0, result.output
    assert "Added 1 module:" in invoke("programme", "add", str(pid), "cmd-decision-logs").stdout
    assert "Public title    Leadership course" in invoke("programme", "show", str(pid)).stdout
    public = invoke("programme", "export", str(pid), "--format", "md", "--redact").stdout
    assert public.startswith("**OFFICIAL - PUBLIC VERSION (REDACTED)**\n\n# Leadership course\n")
    assert invoke("programme", "set", str(pid), "--public-title", "x" * 201).exit_code == 2
