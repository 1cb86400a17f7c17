"""Errors raised by the core name the field they are about (``fields=``), never a command-line
option: each face words the field for its own users (``cli/field_words.py``,
``tui/field_words.py``), so the app never tells anyone to "use --force"."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import catalogue.core

CORE = Path(catalogue.core.__file__).parent
OPTION = re.compile(r"(?<![\w-])--[a-z]")


def _strings(node: ast.AST) -> list[str]:
    return [n.value for n in ast.walk(node)
            if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def _docstrings(tree: ast.AST) -> set[int]:
    """The ids of the docstrings' nodes (for programmers, never shown to a user)."""
    return {id(node.body[0].value) for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef
                          | ast.AsyncFunctionDef)
            and node.body and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)}


def _option_spellings(source: str) -> list[tuple[int, str]]:
    """(line, text) of every string literal, f-string parts included, spelling an option."""
    tree = ast.parse(source)
    docs = _docstrings(tree)
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docs and OPTION.search(node.value)]


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


def test_no_core_string_spells_a_command_line_option() -> None:
    """Not only errors: a step's problems and needs, a card's lines, any text the core
    hands to a face names fields, never ``--options`` (docstrings aside)."""
    found = [f"{path.relative_to(CORE)}:{line}: {text!r}"
             for path in sorted(CORE.rglob("*.py"))
             for line, text in _option_spellings(path.read_text(encoding="utf-8"))]
    assert found == []


def test_the_literal_scan_sees_options_in_f_strings_but_not_docstrings() -> None:
    source = ('"""Module: --json is fine here."""\n'
              "def f(code):\n"
              '    """--also fine."""\n'
              "    needs = ['--authoriser NAME']\n"
              "    return f'advice set {code} LEVEL --as-of DATE'\n")
    assert [line for line, _ in _option_spellings(source)] == [4, 5]


def test_every_field_the_core_names_is_worded_for_the_command_line() -> None:
    from catalogue.cli.field_words import CLI_FIELDS

    named = set()
    for path in sorted(CORE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.keyword) and node.arg == "fields" \
                    and isinstance(node.value, ast.Tuple):
                named |= {e.value for e in node.value.elts if isinstance(e, ast.Constant)}
    assert named
    assert sorted(named - set(CLI_FIELDS)) == []


def test_the_scan_sees_an_option() -> None:
    tree = ast.parse("raise InvalidInputError('record why (--below-reason)')")
    raise_node = tree.body[0]
    assert isinstance(raise_node, ast.Raise) and raise_node.exc is not None
    assert any(OPTION.search(t) for t in _strings(raise_node.exc))


def test_a_refusal_words_each_problem_where_it_is_said() -> None:
    from catalogue.cli.field_words import cli_message, cli_need
    from catalogue.core.errors import Need, Problem, refused
    from catalogue.core.requests.workflow import need_text
    from catalogue.tui.field_words import app_message

    error = refused("cannot authorise request 3: ", [
        Problem("it needs the travel advice", fields=("travel_advice",),
                values={"country": "KE"}),
        "a second person must do it",
        Problem("it needs its host country", fields=("host_country",))])
    assert error.message == ("cannot authorise request 3: it needs the travel advice; a "
                             "second person must do it; it needs its host country")
    assert cli_message(error) == (
        "cannot authorise request 3: it needs the travel advice (catalogue advice set KE LEVEL "
        "--as-of DATE); a second person must do it; it needs its host country (request edit "
        "--host COUNTRY)")
    assert "--" not in app_message(error).replace("catalogue advice set KE LEVEL", "")
    assert "edit the request (e) to give its host country" in app_message(error)
    level = Need(field="authoriser_level", value="minister")
    assert cli_need(level) == "--level minister"
    assert need_text(level) == "authoriser level minister or above"  # the app, a summary


def test_what_the_authorised_step_needs_is_worded_by_each_face(store: Any,
                                                                 invoke: Any) -> None:
    from catalogue.core.requests.pages import request_detail
    from catalogue.core.requests.summary import request_plain_text
    from catalogue.tui.widgets.request_card import request_text
    from request_helpers import new_request, walk_to

    request = walk_to(store, new_request(store, delivered_by=["serving-officers"]),
                      "embassy-consulted")
    detail = request_detail(store, request.id)
    assert [n["field"] for n in detail["next_step"]["needs"]] == [
        "authoriser", "authoriser_level", "s26_reference"]
    for words in (request_plain_text(detail), request_text(detail).plain):
        assert "needs the authoriser's name" in words
        assert "needs authoriser level minister or above" in words
        assert not OPTION.search(words), words
    shown = invoke("request", "show", str(request.id)).output
    assert "--authoriser NAME --level minister --s26-ref REFERENCE" in shown
