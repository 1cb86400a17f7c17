"""The console script's entry point and the options every command shares, worded by the
program itself (``-h/--help``, ``--version``, ``--db``)."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from catalogue import __version__
from catalogue.cli.main import run


def test_the_entry_point_freezes_the_collector_as_it_exits(monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.argv", ["catalogue", "--version"])
    assert gc.get_freeze_count() == 0
    try:
        with pytest.raises(SystemExit) as exited:
            run()
        assert exited.value.code == 0
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
    assert capsys.readouterr().out == f"catalogue, version {__version__}\n"


def test_the_entry_point_freezes_even_when_the_command_fails(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr("sys.argv", ["catalogue", "--db", str(tmp_path), "country", "Kenya"])
    try:
        with pytest.raises(SystemExit) as exited:
            run()
        assert exited.value.code == 2
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_a_directory_given_as_the_database_is_a_usage_error(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("--db", str(tmp_path), "country", "Kenya")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"catalogue: Invalid value for '--db': '{tmp_path}' is a "
                                    "directory, not a database file (see '")


@pytest.mark.parametrize("args", [("-h",), ("--help",), ("country", "-h"), ("request", "list", "--help")])
def test_help_is_the_programs_own_option_on_every_level(invoke, args: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    result = invoke(*args)
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: ")
    helps = [line.split() for line in result.stdout.splitlines() if "-h, --help" in line]
    assert helps == [["-h,", "--help", "Show", "this", "message", "and", "exit."]]
