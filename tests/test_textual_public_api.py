"""The app and its tests use Textual's public API only (so a Textual upgrade is a version bump).

An AST scan of src/ and tests/ refuses: importing a private Textual module or name
(``textual._x``, ``textual.widgets._footer``, ``from textual.keys import _x``); reading or
writing a private member of a Textual object (a ``_name`` that Textual's own source uses and
that our code does not define); and, in a class of ours that subclasses a Textual class,
defining a private name that one of its Textual base classes uses (overriding or overwriting
Textual's internals by accident).
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import textwrap
from functools import cache
from pathlib import Path

import textual

ROOT = Path(__file__).resolve().parents[1]
SCANNED = [ROOT / "src", ROOT / "tests"]


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _trees(*roots: Path) -> list[tuple[Path, ast.Module]]:
    return [(path, ast.parse(path.read_text(), str(path)))
            for root in roots for path in sorted(root.rglob("*.py"))]


def _defined(tree: ast.AST) -> set[str]:
    """Private names a source defines: functions, classes, assigned names and attributes."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            names.add(node.attr)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
    return {name for name in names if _private(name)}


@cache
def _textual_private() -> frozenset[str]:
    """Every private name Textual's source uses as a member (attribute or method)."""
    names: set[str] = set()
    for _path, tree in _trees(Path(textual.__file__).parent):
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and _private(node.attr):
                names.add(node.attr)
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and _private(node.name):
                names.add(node.name)
    return frozenset(names)


def _private_imports(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
            names: list[str] = []
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules = [node.module]
            names = [alias.name for alias in node.names]
        else:
            continue
        for module in modules:
            parts = module.split(".")
            if parts[0] != "textual":
                continue
            if any(part.startswith("_") for part in parts[1:]):
                found.append(f"line {node.lineno}: import of {module}")
            found += [f"line {node.lineno}: {name} from {module}" for name in names
                      if _private(name)]
    return found


def test_no_private_textual_module_or_name_is_imported() -> None:
    offences = [f"{path.relative_to(ROOT)} {what}"
                for path, tree in _trees(*SCANNED) for what in _private_imports(tree)]
    assert offences == []


def test_no_private_member_of_a_textual_object_is_used() -> None:
    trees = _trees(*SCANNED, ROOT / "benchmarks")
    ours = set().union(*(_defined(tree) for _path, tree in trees))
    textual_private = _textual_private()
    offences = []
    for path, tree in trees:
        if not any(path.is_relative_to(root) for root in SCANNED):
            continue
        for node in ast.walk(tree):
            if not isinstance(node, ast.Attribute) or node.attr not in textual_private:
                continue
            via_super = isinstance(node.value, ast.Call) and \
                isinstance(node.value.func, ast.Name) and node.value.func.id == "super"
            if via_super or node.attr not in ours:
                offences.append(f"{path.relative_to(ROOT)}:{node.lineno} .{node.attr}")
    assert offences == []


@cache
def _module_tree(name: str) -> ast.Module:
    return ast.parse(inspect.getsource(importlib.import_module(name)))


def _textual_bases_private(cls: type) -> set[str]:
    """The private members (``self._x``, ``def _x``) of ``cls``'s Textual base classes."""
    names: set[str] = set()
    for base in cls.__mro__[1:]:
        if not base.__module__.startswith("textual"):
            continue
        for node in ast.walk(_module_tree(base.__module__)):
            if isinstance(node, ast.ClassDef) and node.name == base.__name__:
                names |= {n.attr for n in ast.walk(node)
                          if isinstance(n, ast.Attribute) and _private(n.attr)
                          and isinstance(n.value, ast.Name) and n.value.id in ("self", "cls")}
                names |= {n.name for n in ast.walk(node)
                          if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)
                          and _private(n.name)}
    return names


def test_no_class_of_ours_redefines_a_private_name_of_its_textual_bases() -> None:
    import catalogue.tui

    offences = []
    for info in pkgutil.walk_packages(catalogue.tui.__path__, "catalogue.tui."):
        module = importlib.import_module(info.name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__ or not any(
                    base.__module__.startswith("textual") for base in cls.__mro__[1:]):
                continue
            tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
            clashes = _defined(tree) & _textual_bases_private(cls)
            offences += [f"{cls.__module__}.{cls.__qualname__}.{name}" for name in clashes]
    assert offences == []


def test_the_scan_finds_what_it_is_for() -> None:
    """The rules above catch the usual ways of reaching into Textual."""
    tree = ast.parse("from textual.widgets._footer import FooterKey\n"
                     "from textual.keys import _character_to_key\nimport textual._compositor\n")
    assert len(_private_imports(tree)) == 3
    assert {"_row_locations", "_render_line", "_notifications", "_get_screen"} \
        <= _textual_private()

    from textual.widgets import DataTable

    class Table(DataTable):  # type: ignore[type-arg]
        def _render_line(self) -> None: ...

    assert "_render_line" in _textual_bases_private(Table)
