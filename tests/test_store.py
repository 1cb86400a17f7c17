"""The store: first-use seeding, reseeding that keeps user tables, permissions, foreign files."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest

from catalogue.core import maintenance
from catalogue.core.data.location import data_dir
from catalogue.core.errors import DatabaseError
from catalogue.core.store import Store, open_store


def test_first_use_creates_and_seeds_with_owner_only_permissions(tmp_path: Path) -> None:
    target = tmp_path / "private" / "catalogue.db"
    with open_store(target) as store:
        assert store.scalar("SELECT count(*) FROM countries WHERE assisted = 1") == 78
        assert store.scalar("PRAGMA journal_mode") == "wal"
        assert store.meta("data_hash")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE(target.parent.stat().st_mode) == 0o700


def test_reopening_does_not_reseed(db_path: Path) -> None:
    with open_store(db_path) as store:
        seeded = store.meta("seeded_at")
        store.conn.execute("UPDATE _meta SET value = 'marker' WHERE key = 'seeded_at'")
    with open_store(db_path) as store:
        assert store.meta("seeded_at") == "marker" != seeded


def test_changed_data_reseeds_and_keeps_user_tables(db_path: Path, tmp_path: Path) -> None:
    with open_store(db_path) as store:
        store.conn.execute("CREATE TABLE my_notes (id INTEGER PRIMARY KEY, text TEXT)")
        store.conn.execute("INSERT INTO my_notes (text) VALUES ('keep me')")
        old_hash = store.meta("data_hash")
    data = tmp_path / "data"
    shutil.copytree(data_dir(), data)
    aliases = data / "aliases.csv"
    aliases.write_text(aliases.read_text(encoding="utf-8") + "Kenyaland,KE,,\n", encoding="utf-8")
    with open_store(db_path, data_root=data) as store:
        assert store.meta("data_hash") != old_hash
        assert store.scalar("SELECT count(*) FROM country_names WHERE key = 'kenyaland'") == 1
        assert store.scalar("SELECT text FROM my_notes") == "keep me"


def test_fts_triggers_exist_after_seeding(store) -> None:  # type: ignore[no-untyped-def]
    triggers = {r[0] for r in store.query("SELECT name FROM sqlite_master WHERE type='trigger'")}
    assert any(name.startswith("modules_a") for name in triggers)
    store.conn.execute("UPDATE modules SET title = 'Zebra crossings' WHERE id = "
                       "'cmd-decision-logs'")
    hits = store.query("SELECT rowid FROM modules_fts WHERE modules_fts MATCH 'zebra'")
    assert len(hits) == 1


def test_non_sqlite_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    target = tmp_path / "notes.db"
    target.write_bytes(b"these are my notes, not a database" * 100)
    before = target.read_bytes()
    with pytest.raises(DatabaseError) as info:
        open_store(target)
    assert "left untouched" in str(info.value)
    assert target.read_bytes() == before


def test_foreign_sqlite_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    target = tmp_path / "other.db"
    conn = sqlite3.connect(target)
    conn.execute("CREATE TABLE invoices (id INTEGER)")
    conn.commit()
    conn.close()
    before = target.read_bytes()
    with pytest.raises(DatabaseError) as info:
        open_store(target)
    assert "not a catalogue database" in str(info.value)
    assert target.read_bytes() == before


def test_directory_path_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError):
        open_store(tmp_path)


def test_integrity_check_passes_on_a_fresh_database(store) -> None:  # type: ignore[no-untyped-def]
    assert maintenance.integrity_problems(store) == []


def test_default_path_uses_env_then_platform_dirs(monkeypatch: pytest.MonkeyPatch,
                                                  tmp_path: Path) -> None:
    from catalogue.core.store import default_db_path

    monkeypatch.setenv("CATALOGUE_DB", str(tmp_path / "x.db"))
    assert default_db_path() == tmp_path / "x.db"
    monkeypatch.delenv("CATALOGUE_DB")
    assert default_db_path() == Path(os.environ["XDG_DATA_HOME"]) / "catalogue" / "catalogue.db"


@pytest.mark.parametrize("env", [
    {"XDG_DATA_HOME": "/srv/xdg"},
    {"XDG_DATA_HOME": "", "HOME": "/home/officer"},
    {"XDG_DATA_HOME": "relative/dir", "HOME": "/home/officer"},
    {"HOME": "/home/officer"},
])
def test_fast_default_path_agrees_with_platformdirs(monkeypatch: pytest.MonkeyPatch,
                                                    env: dict[str, str]) -> None:
    from platformdirs import user_data_dir

    from catalogue.core.store import default_db_file

    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    expected = os.path.join(user_data_dir("catalogue", appauthor=False), "catalogue.db")
    assert default_db_file() == expected


def test_touched_but_unchanged_data_does_not_reseed(db_path: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(data_dir(), data)
    with open_store(db_path, data_root=data) as store:
        store.conn.execute("UPDATE _meta SET value = 'marker' WHERE key = 'seeded_at'")
        signature = store.meta("data_stat")
    target = data / "aliases.csv"
    os.utime(target, ns=(target.stat().st_atime_ns, target.stat().st_mtime_ns + 10**9))
    with open_store(db_path, data_root=data) as store:
        assert store.meta("seeded_at") == "marker"
        assert store.meta("data_stat") != signature


@pytest.mark.parametrize("content", [b"x", b"notes\n", b"SQLite format 2\x00"])
def test_short_non_sqlite_file_is_refused_and_left_untouched(tmp_path: Path,
                                                             content: bytes) -> None:
    target = tmp_path / "short.db"
    target.write_bytes(content)
    with pytest.raises(DatabaseError, match="left untouched"):
        open_store(target)
    assert target.read_bytes() == content


def test_migration_names_match_the_steps() -> None:
    """Opening the store checks the database against ``migration_names.NAMES`` (cheap, nothing
    imported); applying runs the registry. The names file is generated from the registry and
    must be exactly what it generates now."""
    from catalogue.core import migration_steps
    from catalogue.core.migrations import expected_names

    with open(migration_steps.names_file(), encoding="utf-8") as f:
        written = f.read()
    assert written == migration_steps.names_module(), \
        "migration_names.py is stale: run python -m catalogue.core.migration_steps"
    assert expected_names() == [s.__name__ for s in migration_steps.feature_steps()]
    assert len(set(expected_names())) == len(expected_names())


def test_a_new_database_has_every_registered_step(store: Store) -> None:
    from catalogue.core.migration_steps import registered_names

    applied = [r[0] for r in store.query(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = 'catalogue' ORDER BY rowid")]
    assert applied == registered_names()


def test_a_database_missing_a_step_gets_it_on_open(db_path: Path) -> None:
    from catalogue.core.migrations import MIGRATION_SET

    with sqlite3.connect(db_path) as conn:
        conn.execute("DELETE FROM _sqlite_migrations WHERE migration_set = ? AND name = ?",
                     (MIGRATION_SET, "programmes_003_module_programme_index"))
        conn.execute("DROP INDEX IF EXISTS programme_modules_module_programme")
    conn.close()
    with open_store(db_path) as store:
        names = {r[0] for r in store.query("SELECT name FROM _sqlite_migrations")}
        index = store.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'index' "
                             "AND name = 'programme_modules_module_programme'")
    assert "programmes_003_module_programme_index" in names and index == 1
