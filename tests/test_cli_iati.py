"""``catalogue programme export ... --format iati`` through click's CliRunner."""

from __future__ import annotations

from pathlib import Path

from catalogue.core.requests.register import link_programme
from catalogue.core.store import Store, open_store
from iati_helpers import configure, parse_valid, values
from programme_helpers import make_programme
from request_helpers import START, new_request, walk_to


def _programme(db_path: Path, *, configured: bool = True, delivered: bool = False) -> int:
    store: Store = open_store(db_path)
    try:
        if configured:
            configure(store)
        pid = make_programme(store, ["cmd-decision-logs"], start_date=START.isoformat(),
                             delivery_mode="uk", public_title="Command course")
        if delivered:
            request = new_request(store, "KE", location="uk")
            link_programme(store, request.id, pid, by="tester")
            walk_to(store, request, "delivered")
        return pid
    finally:
        store.close()


def test_one_programme_to_a_file(invoke, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pid = _programme(db_path)
    target = tmp_path / "kenya.xml"
    result = invoke("programme", "export", str(pid), "--format", "iati", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert "Wrote IATI 2.03 activity XML (1 activity, the public version)" in result.output
    assert f"GB-GOV-99-programme-{pid}: 1 Pipeline/identification" in result.output
    assert "budget-not-provided 1 (Commercial Restrictions)" in result.output
    assert "updated 2023-02-23" in result.output  # the sector list's date, where it is used
    root = parse_valid(target.read_bytes())
    assert values(root, "//title/narrative/text()") == ["Command course"]
    again = invoke("programme", "export", str(pid), "--format", "iati", "-o", str(target))
    assert again.exit_code == 6 and "already exists" in again.stderr


def test_the_format_follows_an_xml_file_name(invoke, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pid = _programme(db_path)
    result = invoke("programme", "export", str(pid), "-o", str(tmp_path / "out.xml"))
    assert result.exit_code == 0, result.output
    parse_valid((tmp_path / "out.xml").read_bytes())


def test_to_standard_output_keeps_the_summary_on_stderr(invoke, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    pid = _programme(db_path)
    result = invoke("programme", "export", str(pid), "--format", "iati")
    assert result.exit_code == 0, result.output
    parse_valid(result.stdout.encode("utf-8"))
    assert "Pipeline/identification" in result.stderr


def test_every_delivered_programme(invoke, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    delivered = _programme(db_path, delivered=True)
    _programme(db_path)  # not delivered: left out
    target = tmp_path / "delivered.xml"
    result = invoke("programme", "export", "--all-delivered", "--format", "iati",
                    "-o", str(target))
    assert result.exit_code == 0, result.output
    assert "(1 activity, the public version)" in result.output
    root = parse_valid(target.read_bytes())
    assert values(root, "//iati-identifier/text()") == [f"GB-GOV-99-programme-{delivered}"]
    assert values(root, "//activity-status/@code") == ["3"]


def test_mistakes_are_one_line_with_their_exit_code(invoke, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pid = _programme(db_path, configured=False)
    cases = [
        (("programme", "export", str(pid), "--format", "iati"), 3,
         "no IATI organisation identifier is set"),
        (("programme", "export", "--all-delivered", "--format", "md"), 2,
         "--all-delivered goes with --format iati"),
        (("programme", "export", str(pid), "--all-delivered", "--format", "iati"), 2,
         "not both"),
        (("programme", "export", "--format", "iati"), 2, "give a programme ID"),
        (("programme", "export", "999", "--format", "iati"), 3, "no IATI organisation"),
    ]
    for args, code, words in cases:
        result = invoke(*args)
        assert result.exit_code == code, (args, result.output)
        assert words in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.output
    store = open_store(db_path)
    configure(store)
    store.close()
    for args, code, words in [
        (("programme", "export", "999", "--format", "iati"), 1, "no programme 999"),
        (("programme", "export", "--all-delivered", "--format", "iati"), 1,
         "no delivered programme"),
    ]:
        result = invoke(*args)
        assert result.exit_code == code and words in result.stderr, (args, result.output)
        line = [x for x in result.stderr.splitlines() if x.strip()]
        assert len(line) == 1, result.stderr
    assert not list(tmp_path.glob("*.xml"))
