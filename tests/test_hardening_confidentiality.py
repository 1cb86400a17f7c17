"""Confidential details stay confidential: owner-only files, redacted exports through the CLI,
and no error message, listing, search or request history that repeats them.

The confidential fields of a programme are its vulnerability notes and commercial terms, the
notes on counter-terrorism and confidential modules, and (in public material) its costs.
(Core-level redaction in every format: tests/test_exports_redaction.py.)
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from catalogue.cli.main import cli
from catalogue.core.exports import atomic
from catalogue.core.store import open_store
from programme_helpers import docx_text, make_programme
from request_helpers import new_request

VULNERABILITY = "CANARY-VULN-8812"
COMMERCIAL = "CANARY-COMMERCIAL-3307"
CT_NOTE = "CANARY-CT-NOTE-5150"
CONFIDENTIAL_NOTE = "CANARY-CONF-NOTE-2291"
CANARIES = (VULNERABILITY, COMMERCIAL, CT_NOTE, CONFIDENTIAL_NOTE)
#: Canaries that only the full (unredacted) outline may show.
PROGRAMME_ONLY = (VULNERABILITY, COMMERCIAL)


def _leaks(text: str, canaries: tuple[str, ...] = CANARIES) -> list[str]:
    return [c for c in canaries if c in text]


@pytest.fixture
def secret(db_path: Path) -> Path:
    """Programme 1 holds a canary in every confidential field; request 1 is linked to it."""
    with open_store(db_path) as store:
        request = new_request(store)
        make_programme(
            store,
            ["cmd-decision-logs", ("ct-prevent", None, CT_NOTE),
             ("pss-security-coordination-link", None, CONFIDENTIAL_NOTE)],
            title="Kenya course", vulnerability_notes=VULNERABILITY,
            commercial_terms=COMMERCIAL, trainers=2, request_id=request.id)
    return db_path


def _run(db: Path, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["--db", str(db), *args])


# ------------------------------------------------------------------------------ files


def test_database_and_its_wal_files_are_owner_only_whatever_the_umask(tmp_path: Path) -> None:
    code = ("import os, stat, sys; os.umask(0); from catalogue.core.store import open_store; "
            "s = open_store(sys.argv[1]); "
            "s.conn.execute(\"INSERT INTO _meta (key, value) VALUES ('x', 'y')\"); "
            "print(' '.join(oct(stat.S_IMODE(os.stat(sys.argv[1] + x).st_mode)) "
            "for x in ('', '-wal', '-shm')))")
    target = tmp_path / "new" / "catalogue.db"
    result = subprocess.run([sys.executable, "-c", code, str(target)], capture_output=True,
                            text=True, check=True)
    assert result.stdout.split() == ["0o600", "0o600", "0o600"]
    assert stat.S_IMODE(target.parent.stat().st_mode) == 0o700


def test_exports_and_backups_are_owner_only_whatever_the_umask(secret: Path,
                                                               tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        assert _run(secret, "programme", "export", "1", "--format", "docx",
                    "-o", str(tmp_path / "x.docx")).exit_code == 0
        assert _run(secret, "db", "backup", str(tmp_path / "b.db")).exit_code == 0
    finally:
        os.umask(old)
    for name in ("x.docx", "b.db"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600, name


# ------------------------------------------------------------------------------ exports


def test_redacted_exports_through_the_cli_carry_no_canary(secret: Path, tmp_path: Path) -> None:
    for fmt in ("md", "json", "csv"):
        result = _run(secret, "programme", "export", "1", "--redact", "--format", fmt)
        assert result.exit_code == 0, result.output
        assert _leaks(result.output) == [], fmt
        full = _run(secret, "programme", "export", "1", "--format", fmt).output
        assert _leaks(full, (CT_NOTE, CONFIDENTIAL_NOTE)) == [CT_NOTE, CONFIDENTIAL_NOTE]
    target = tmp_path / "public.docx"
    assert _run(secret, "programme", "export", "1", "--redact", "-o", str(target)).exit_code == 0
    assert _leaks(docx_text(target.read_bytes())) == []
    # ... and the raw bytes (document properties, XML) do not hold them either
    import zipfile

    with zipfile.ZipFile(target) as archive:
        raw = b"".join(archive.read(name) for name in archive.namelist())
    assert [c for c in CANARIES if c.encode() in raw] == []


# ------------------------------------------------------------------------------ errors


def _boom(*args: object, **kwargs: object) -> bytes:
    raise ValueError(f"cannot render the text {VULNERABILITY} {COMMERCIAL}")


def _no_space(fd: int) -> None:
    raise OSError(28, "No space left on device")


FAILURES = {
    "exists": (["-o", "{out}/exists.md"], None),
    "no-folder": (["-o", "{out}/missing/x.md"], None),
    "docx-to-stdout": (["--format", "docx"], None),
    "disk-full": (["-o", "{out}/new.md"], ("catalogue.core.exports.atomic.os.fsync", _no_space)),
    "renderer-bug": (["--format", "md"],
                     ("catalogue.core.exports.markdown.render_markdown", _boom)),
    "no-programme": (["--format", "md", "--redact"], None),
}


@pytest.mark.parametrize("case", sorted(FAILURES))
def test_errors_while_exporting_never_repeat_confidential_fields(
        secret: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str) -> None:
    args, patch = FAILURES[case]
    (tmp_path / "exists.md").write_text("mine")
    if patch:
        monkeypatch.setattr(*patch)
    target = "2" if case == "no-programme" else "1"
    result = _run(secret, "programme", "export", target,
                  *(a.replace("{out}", str(tmp_path)) for a in args))
    assert result.exit_code not in (0,), result.output
    assert len(result.stderr.splitlines()) == 1
    assert _leaks(result.output) == [], result.output
    assert (tmp_path / "exists.md").read_text() == "mine"


@pytest.mark.parametrize("option", ["--vulnerability-notes", "--commercial-terms"])
def test_a_rejected_confidential_value_is_not_repeated(secret: Path, option: str) -> None:
    too_long = f"{VULNERABILITY} " + "x" * 4000
    for args in (("programme", "set", "1", option, too_long),
                 ("programme", "new", "T", "--country", "Kenya", option, too_long),
                 ("programme", "new", "T", "--country", "Atlantis", option, VULNERABILITY),
                 ("programme", "set", "1", "--start", "2026-02-30", option, VULNERABILITY)):
        result = _run(secret, *args)
        assert result.exit_code in (1, 2), result.output
        assert _leaks(result.output) == [], args[:3]


# ------------------------------------------------------------------------------ other views


def test_listings_search_and_request_views_never_show_confidential_fields(secret: Path) -> None:
    views = [("programme", "list"), ("programme", "list", "--json"),
             ("programme", "list", "--csv"), ("request", "show", "1"),
             ("request", "show", "1", "--json"), ("request", "list", "--json"),
             ("request", "list", "--csv"), ("request", "history", "1"),
             ("request", "history", "1", "--json"), ("request", "history", "--all"),
             ("request", "history", "--all", "--json"), ("country", "Kenya", "--json")]
    for args in views:
        result = _run(secret, *args)
        assert result.exit_code == 0, (args, result.output)
        assert _leaks(result.output) == [], args
    for canary in PROGRAMME_ONLY:  # not searchable either: no oracle for the hidden text
        found = _run(secret, "programme", "list", "--search", canary, "--json")
        assert found.exit_code == 0 and found.stdout.strip() == "[]", canary
    # The full outline is the one place they show, because it was asked for.
    shown = _run(secret, "programme", "show", "1").output
    assert _leaks(shown, PROGRAMME_ONLY) == list(PROGRAMME_ONLY)


def test_the_audit_trail_records_that_a_programme_was_linked_not_what_it_holds(
        secret: Path) -> None:
    assert _run(secret, "programme", "set", "1", "--request", "none").exit_code == 0
    assert _run(secret, "programme", "set", "1", "--request", "1").exit_code == 0
    history = _run(secret, "request", "history", "--all", "--json")
    assert history.exit_code == 0 and _leaks(history.output) == []


def test_an_internal_error_does_not_print_the_exception_text(secret: Path,
                                                             monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    monkeypatch.setattr(atomic, "write_atomic", _boom)
    result = _run(secret, "programme", "export", "1", "-o", str(secret.parent / "x.json"),
                  "--format", "json")
    assert result.exit_code == 70
    line = result.stderr.strip()
    assert line.startswith("catalogue: internal error: ValueError at catalogue/"), line
    assert _leaks(line) == []
