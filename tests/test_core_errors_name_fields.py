"""Errors raised by the core name the field they are about (``fields=``), never a command-line
option: each face words the field for its own users (``cli/field_words.py``,
``tui/field_words.py``), so the app never tells anyone to "use --force"."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import catalogue.core

CORE = Path(catalogue.core.__file__).parent
OPTION = re.compile(r"(?<![\w-])--[a-z]")


def _strings(node: ast.AST) -> list[str]:
    return [n.value for n in ast.walk(node)
            if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def test_no_core_error_names_a_command_line_option() -> None:
    found = []
    for path in sorted(CORE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Raise) and node.exc is not None:
                for text in _strings(node.exc):
                    if OPTION.search(text):
                        found.append(f"{path.relative_to(CORE)}:{node.lineno}: {text!r}")
    assert found == []


def test_the_scan_sees_an_option() -> None:
    tree = ast.parse("raise InvalidInputError('record why (--below-reason)')")
    raise_node = tree.body[0]
    assert isinstance(raise_node, ast.Raise) and raise_node.exc is not None
    assert any(OPTION.search(t) for t in _strings(raise_node.exc))
