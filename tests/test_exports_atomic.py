"""Writing export files: whole or not at all, never over an existing file without force."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from catalogue.core.errors import NotFoundError, OutputError
from catalogue.core.exports import atomic, render
from catalogue.core.exports.atomic import write_atomic
from programme_helpers import make_programme


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_the_whole_file_owner_only_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = write_atomic(tmp_path / "out.md", b"# hello\n")
    assert target.read_bytes() == b"# hello\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert _leftovers(tmp_path) == []


def test_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_bytes(b"mine")
    with pytest.raises(OutputError, match="already exists") as refused:
        write_atomic(target, b"new")
    assert refused.value.fields == ("overwrite",)  # each face says how (--force, a checkbox)
    assert "--force" not in refused.value.message
    assert target.read_bytes() == b"mine"
    write_atomic(target, b"new", force=True)
    assert target.read_bytes() == b"new"
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("where", ["missing/out.md", "folder"])
def test_bad_targets_are_refused(tmp_path: Path, where: str) -> None:
    (tmp_path / "folder").mkdir()
    with pytest.raises(OutputError) as info:
        write_atomic(tmp_path / where, b"x", force=True)
    assert "\n" not in str(info.value)
    assert not (tmp_path / "missing").exists()


def test_a_failure_while_writing_leaves_nothing_behind(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", broken_fsync)
    with pytest.raises(OutputError, match="No space left on device"):
        write_atomic(tmp_path / "out.md", b"x" * 10_000)
    assert list(tmp_path.iterdir()) == []


def test_a_failure_while_replacing_keeps_the_old_file(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.md"
    target.write_bytes(b"old")

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(atomic.os, "replace", broken_replace)
    with pytest.raises(OutputError):
        write_atomic(target, b"new", force=True)
    assert target.read_bytes() == b"old"
    assert _leftovers(tmp_path) == []


def test_a_file_appearing_meanwhile_is_not_clobbered(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.md"
    real_link = os.link

    def racing_link(src: str, dst: str) -> None:
        Path(dst).write_bytes(b"someone else's")
        real_link(src, dst)

    monkeypatch.setattr(atomic.os, "link", racing_link)
    with pytest.raises(OutputError, match="already exists"):
        write_atomic(target, b"mine")
    assert target.read_bytes() == b"someone else's"
    assert _leftovers(tmp_path) == []


def test_save_export_checks_the_target_before_doing_any_work(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pid = make_programme(store, ["cmd-decision-logs"])
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(OutputError, match="does not exist"):
        render.save_export(store, pid, "md", out / "nowhere" / "x.md")
    with pytest.raises(NotFoundError):
        render.save_export(store, 999, "md", out / "x.md")
    assert list(out.iterdir()) == []
    written = render.save_export(store, pid, "docx", out / "x.docx")
    assert written.read_bytes()[:2] == b"PK"
