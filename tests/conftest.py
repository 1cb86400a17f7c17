"""Shared fixtures: a seeded template database copied per test, isolated from the user's files."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from catalogue.core.store import Store, open_store


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path_factory: pytest.TempPathFactory,
                          monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may read or write the developer's own database or config."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("CATALOGUE_DB", raising=False)
    monkeypatch.delenv("CATALOGUE_DATA_DIR", raising=False)
    monkeypatch.delenv("CATALOGUE_CONFIG", raising=False)
    monkeypatch.delenv("CATALOGUE_SIGNED_IN_USER", raising=False)
    monkeypatch.setenv("CATALOGUE_BUSY_TIMEOUT", "2")


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One freshly seeded database per test session, checkpointed so it can be copied."""
    path = tmp_path_factory.mktemp("template") / "catalogue.db"
    store = open_store(path)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return path


@pytest.fixture
def db_path(seeded_template: Path, tmp_path: Path) -> Path:
    """A private copy of the seeded database for one test."""
    target = tmp_path / "catalogue.db"
    shutil.copyfile(seeded_template, target)
    return target


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    s = open_store(db_path)
    yield s
    s.close()


@pytest.fixture
def invoke(db_path: Path):  # type: ignore[no-untyped-def]
    """Run the CLI against the test database: ``invoke("country", "Kenya")``."""
    from catalogue.cli.main import cli

    runner = CliRunner()

    def run(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
        return runner.invoke(cli, ["--db", str(db_path), *args], input=input)

    return run
