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
    gc.unfreeze()  # another test (the app's, settling its memory) may have frozen some
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
    gc.unfreeze()
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


@pytest.mark.parametrize(("group", "some"), [("request", "advance, decline"), ("db", "backup, check")])
def test_a_group_without_a_command_says_so_on_one_line(invoke, group: str, some: str) -> None:  # type: ignore[no-untyped-def]
    result = invoke(group)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert f"'cli {group}' needs a command: {some}" in result.stderr


def test_the_database_path_has_its_tilde_expanded(invoke, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    result = invoke("--db", "~/mine.db", "db", "path")
    assert result.stdout.strip() == str(tmp_path / "mine.db")


def test_the_database_option_completes_file_names() -> None:
    from click.shell_completion import ShellComplete

    from catalogue.cli.main import cli

    completions = ShellComplete(cli, {}, "catalogue", "_CATALOGUE_COMPLETE").get_completions(
        ["--db"], "/tmp/")
    assert [(c.value, c.type) for c in completions] == [("/tmp/", "file")]
