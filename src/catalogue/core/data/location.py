"""Where the data files live, and a content hash that says when they changed."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

#: Bump when the seeding code changes what it writes from the same files.
SEED_FORMAT = "3"

_PACKAGE_DIR = Path(__file__).resolve().parents[2]  # .../catalogue


def data_dir() -> Path:
    """The data directory: ``CATALOGUE_DATA_DIR``, the installed package's copy, or the checkout's."""
    override = os.environ.get("CATALOGUE_DATA_DIR")
    if override:
        return Path(override)
    shipped = _PACKAGE_DIR / "data"
    if shipped.is_dir():
        return shipped
    return _PACKAGE_DIR.parents[1] / "data"


def styles_dir() -> Path:
    """The Textual stylesheets: the installed package's copy or the checkout's ``styles/``."""
    shipped = _PACKAGE_DIR / "styles"
    if shipped.is_dir():
        return shipped
    return _PACKAGE_DIR.parents[1] / "styles"


def data_files(root: Path) -> list[Path]:
    """Every data file under ``root`` (TOML and CSV), in a stable order."""
    return sorted(
        p for p in root.rglob("*") if p.is_file() and p.suffix in {".toml", ".csv"}
    )


def content_hash(root: Path) -> str:
    """A hash of every data file's name and bytes; changes whenever a file is edited."""
    digest = hashlib.sha256(SEED_FORMAT.encode())
    for path in data_files(root):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()
