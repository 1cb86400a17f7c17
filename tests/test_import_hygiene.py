"""catalogue.core never imports the faces, and the quick lookup stays light."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import catalogue.core


def _core_modules() -> list[str]:
    return [m.name for m in pkgutil.walk_packages(catalogue.core.__path__, "catalogue.core.")]


def test_core_imports_neither_textual_nor_click() -> None:
    code = (
        "import importlib, json, sys\n"
        f"for name in {_core_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('textual', 'click'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert json.loads(out.stdout) == []


def test_core_sources_do_not_mention_ui_imports() -> None:
    root = Path(catalogue.core.__file__).parent
    for path in root.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for banned in ("import textual", "from textual", "import click", "from click"):
            assert banned not in text, f"{path} contains {banned!r}"


def test_country_lookup_imports_only_what_it_needs(db_path: Path) -> None:
    code = (
        "import sys, json\n"
        "from catalogue.cli.main import cli\n"
        f"rc = cli.main(['--db', {str(db_path)!r}, 'country', 'Kenya'], standalone_mode=False)\n"
        "heavy = ('textual', 'rich', 'sqlite_utils', 'pycountry', 'rapidfuzz', 'docx')\n"
        "print(json.dumps([rc, sorted({m.split('.')[0] for m in sys.modules "
        "if m.split('.')[0] in heavy})]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    rc, loaded = json.loads(out.stdout.strip().splitlines()[-1])
    assert rc == 0
    assert loaded == []


def test_country_lookup_looks_up_no_translations(db_path: Path) -> None:
    """click's own help, version and path helpers look their words up in the gettext
    catalogue (importing ``locale`` and searching the disk); the lookup uses none of them."""
    code = (
        "import gettext, json, sys\n"
        "calls = []\n"
        "real = gettext.gettext\n"
        "gettext.gettext = lambda message: calls.append(message) or real(message)\n"
        "from catalogue.cli.main import cli\n"
        f"rc = cli.main(['--db', {str(db_path)!r}, 'country', 'Kenya'], standalone_mode=False)\n"
        "print(json.dumps([rc, calls, 'locale' in sys.modules]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == [0, [], False]
