"""The wheel ships data/ and styles/ inside the package, and the installed copy is used."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(out), str(ROOT)], check=True, capture_output=True)
    return next(out.glob("catalogue-*.whl"))


def test_wheel_contains_every_data_file_and_stylesheet(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in ("data", "styles"):
        for path in (ROOT / folder).rglob("*"):
            if path.is_file():
                inside = f"catalogue/{folder}/{path.relative_to(ROOT / folder).as_posix()}"
                assert inside in names, f"{inside} missing from the wheel"
    assert any(n.startswith("catalogue/data/disciplines/") for n in names)


def test_installed_package_reads_its_own_data(wheel: Path, tmp_path: Path) -> None:
    zipfile.ZipFile(wheel).extractall(tmp_path)
    code = ("from catalogue.core.data.location import data_dir, styles_dir; "
            "print(data_dir()); print(styles_dir())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin"})
    data, styles = out.stdout.split()
    assert data == str(tmp_path / "catalogue" / "data")
    assert styles == str(tmp_path / "catalogue" / "styles")
