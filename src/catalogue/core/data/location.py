"""Where the data files live, and cheap ways to tell when they changed.

Imported on the quick-lookup path: only ``os`` here; pathlib and hashlib load on demand.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

#: Bump when the seeding code changes what it writes from the same files.
SEED_FORMAT = "4"

_PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
_CHECKOUT_DIR = os.path.dirname(os.path.dirname(_PACKAGE_DIR))
_SUFFIXES = (".toml", ".csv")


def _shipped_or_checkout(name: str) -> str:
    shipped = os.path.join(_PACKAGE_DIR, name)
    return shipped if os.path.isdir(shipped) else os.path.join(_CHECKOUT_DIR, name)


def data_root() -> str:
    """The data directory: ``CATALOGUE_DATA_DIR``, the installed package's copy, or the checkout's."""
    return os.environ.get("CATALOGUE_DATA_DIR") or _shipped_or_checkout("data")


def data_dir() -> Path:
    from pathlib import Path

    return Path(data_root())


def styles_dir() -> Path:
    """The Textual stylesheets: the installed package's copy or the checkout's ``styles/``."""
    from pathlib import Path

    return Path(_shipped_or_checkout("styles"))


def _entries(root: str) -> list[tuple[str, os.DirEntry[str]]]:
    """(relative posix name, directory entry) of every data file, in a stable order; folders
    reached through a symbolic link are not entered (as ``os.walk`` does not)."""
    found: list[tuple[str, os.DirEntry[str]]] = []

    def visit(folder: str, prefix: str) -> None:
        try:
            entries = os.scandir(folder)
        except OSError:  # a folder that cannot be read is skipped (as os.walk does)
            return
        with entries:
            for entry in entries:
                if entry.is_dir():
                    if not entry.is_symlink():
                        visit(entry.path, f"{prefix}{entry.name}/")
                elif entry.name.endswith(_SUFFIXES):
                    found.append((prefix + entry.name, entry))

    if os.path.isdir(root):
        visit(root, "")
    found.sort(key=lambda pair: pair[0])
    return found


def _walk(root: str) -> list[tuple[str, str]]:
    """(relative posix name, absolute path) of every data file, in a stable order."""
    return [(rel, entry.path) for rel, entry in _entries(root)]


def stat_signature(root: Path | str) -> str:
    """Names, sizes and modification times of the data files: a cheap first check."""
    parts = [SEED_FORMAT]
    for rel, entry in _entries(str(root)):
        info = entry.stat()
        parts.append(f"{rel}:{info.st_size}:{info.st_mtime_ns}")
    return "|".join(parts)


def data_files(root: Path | str) -> list[Path]:
    from pathlib import Path

    return [Path(full) for _, full in _walk(str(root))]


def content_hash(root: Path | str) -> str:
    """A hash of every data file's name and bytes; changes whenever a file's content does."""
    import hashlib

    digest = hashlib.sha256(SEED_FORMAT.encode())
    for rel, full in _walk(str(root)):
        digest.update(rel.encode())
        digest.update(b"\0")
        with open(full, "rb") as handle:
            digest.update(handle.read())
        digest.update(b"\0")
    return digest.hexdigest()


def shipped_data_dir() -> Path:
    """The data files shipped with the program (never ``CATALOGUE_DATA_DIR``): for files the
    organisation does not edit, such as the vendored IATI schema."""
    from pathlib import Path

    return Path(_shipped_or_checkout("data"))
