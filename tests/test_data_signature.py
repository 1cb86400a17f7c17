"""The data files' cheap signature and content hash: the same files, in the same order, found
the same way whatever else the data folder holds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from catalogue.core.data import location


def _tree(root: Path) -> None:
    (root / "b").mkdir(parents=True)
    (root / "b" / "inner.csv").write_text("x\n")
    (root / "a.toml").write_text("a = 1\n")
    (root / "notes.txt").write_text("not a data file\n")
    (root / "z.toml").write_text("z = 1\n")


def test_the_signature_names_every_data_file_in_order(tmp_path: Path) -> None:
    _tree(tmp_path)
    names = [part.split(":")[0] for part in location.stat_signature(tmp_path).split("|")[1:]]
    assert names == ["a.toml", "b/inner.csv", "z.toml"]
    assert [p.relative_to(tmp_path).as_posix() for p in location.data_files(tmp_path)] == names


def test_a_folder_that_cannot_be_read_is_skipped(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """As os.walk did: one private folder (lost+found on its own disk) must not stop every
    command from opening the database."""
    _tree(tmp_path)
    (tmp_path / "lost+found").mkdir()
    real = os.scandir

    def scandir(path: str) -> object:
        if os.path.basename(path) == "lost+found":
            raise PermissionError(13, "Permission denied", path)
        return real(path)

    monkeypatch.setattr(location.os, "scandir", scandir)
    names = [part.split(":")[0] for part in location.stat_signature(tmp_path).split("|")[1:]]
    assert names == ["a.toml", "b/inner.csv", "z.toml"]
    assert location.content_hash(tmp_path)


def test_a_missing_folder_has_no_files(tmp_path: Path) -> None:
    assert location.stat_signature(tmp_path / "absent") == location.SEED_FORMAT
