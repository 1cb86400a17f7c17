"""Every ``@on`` handler is in a class Textual collects it from.

Textual gathers a class's ``@on`` handlers when the class is made, and only for classes made by
its message pumps (screens, widgets, the app): a handler written in a plain mixin would never
run, silently. Screens made of several modules (the board's flows, the builder's edits) put
their handlers in base classes that are screens themselves; this scan keeps it so.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

from textual.message_pump import MessagePump

SRC = Path(__file__).resolve().parents[1] / "src"


def _on_decorated(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    for decorator in node.decorator_list:
        call = decorator.func if isinstance(decorator, ast.Call) else decorator
        if isinstance(call, ast.Name) and call.id == "on":
            return True
    return False


def _classes_with_on_handlers() -> list[tuple[str, str]]:
    """(module, class) for every top-level class in src/catalogue with an ``@on`` method."""
    found: list[tuple[str, str]] = []
    for path in sorted((SRC / "catalogue").rglob("*.py")):
        tree = ast.parse(path.read_text(), str(path))
        module = ".".join(path.relative_to(SRC).with_suffix("").parts)
        for node in tree.body:
            if isinstance(node, ast.ClassDef) and any(
                    isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef)
                    and _on_decorated(item) for item in node.body):
                found.append((module, node.name))
    return found


def test_every_on_handler_is_in_a_message_pump_class() -> None:
    plain = [f"{module}.{name}" for module, name in _classes_with_on_handlers()
             if not issubclass(getattr(importlib.import_module(module), name), MessagePump)]
    assert not plain, f"@on handlers Textual would never call (not in a screen or widget): {plain}"


def test_the_scan_finds_the_board_flows() -> None:
    found = {name for _module, name in _classes_with_on_handlers()}
    assert {"BoardScreen", "BoardView", "RequestSteps", "RequestEdits"} <= found
