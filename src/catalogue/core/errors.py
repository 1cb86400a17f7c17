"""Errors a user can cause, each mapped to a documented exit code."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypedDict


class ExitCode:
    """Process exit codes, documented in the README. Plain numbers in a namespace rather than
    an ``IntEnum``, whose definition costs the quick lookup 0.15 ms (docs/performance.md)."""

    OK = 0
    NOT_FOUND = 1
    USAGE = 2  # bad option or argument, ambiguous country
    DATA = 3  # a malformed file in data/
    DATABASE = 4  # locked, corrupt, foreign or unwritable database
    REFUSED = 5  # a workflow guard said no, or a concurrent change won
    OUTPUT = 6  # cannot write an export or backup file
    INTERNAL = 70  # a bug: please report it
    INTERRUPTED = 130


class CatalogueError(Exception):
    """Base class: a one-line message for stderr plus an exit code.

    ``fields`` names the input fields the message is about (``by``, ``reason``,
    ``overwrite`` ...), so that each face can say how its users give them (the CLI's
    ``--by``, the app's "By" field): see :func:`worded`. The message itself speaks of
    neither face."""

    exit_code: int = ExitCode.USAGE
    #: Set by :func:`refused`: the message's opening and the problems it lists, so that
    #: :func:`worded` can word each problem's fields where that problem is said.
    lead: str = ""
    problems: tuple[str, ...] = ()

    def __init__(self, message: str, *, fields: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.fields = fields

    def __str__(self) -> str:
        return self.message


class NotFoundError(CatalogueError):
    exit_code = ExitCode.NOT_FOUND


class AmbiguousError(CatalogueError):
    exit_code = ExitCode.USAGE

    def __init__(self, message: str, candidates: list[str] | None = None) -> None:
        super().__init__(message)
        self.candidates = candidates or []


class InvalidInputError(CatalogueError):
    exit_code = ExitCode.USAGE


class DataFileError(CatalogueError):
    """A problem in a data file, reported as ``file:line: what is wrong``."""

    exit_code = ExitCode.DATA

    def __init__(self, path: str, line: int | None, problem: str) -> None:
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {problem}")
        self.path = path
        self.line = line
        self.problem = problem


class DatabaseError(CatalogueError):
    exit_code = ExitCode.DATABASE


class RefusedError(CatalogueError):
    exit_code = ExitCode.REFUSED


class OutputError(CatalogueError):
    exit_code = ExitCode.OUTPUT


class Problem(str):
    """A sentence from the core (what stands in a step's way) naming, like an error's
    ``fields``, the input fields it is about; ``values`` fill the faces' words for them
    (``{country}`` in "catalogue advice set {country} ..."). It is a ``str``: shown as it is,
    it says what is wrong; :func:`worded` adds how one face's users put it right."""

    fields: tuple[str, ...]
    values: Mapping[str, str]

    def __new__(cls, text: str, fields: tuple[str, ...] = (),
                values: Mapping[str, str] | None = None) -> Problem:
        problem = super().__new__(cls, text)
        problem.fields = fields
        problem.values = dict(values or {})
        return problem


class Need(TypedDict):
    """What a step needs given: an input field and, when there is one, the value it wants
    (the authoriser level the OSJA assessment decided)."""

    field: str
    value: str | None


def refused(lead: str, problems: Sequence[str]) -> RefusedError:
    """A refusal listing ``problems`` after ``lead``; the fields they name are the error's."""
    fields = tuple(dict.fromkeys(f for p in problems for f in getattr(p, "fields", ())))
    error = RefusedError(lead + "; ".join(problems), fields=fields)
    error.lead, error.problems = lead, tuple(problems)
    return error


def worded(said: CatalogueError | str, hints: Mapping[str, str]) -> str:
    """An error's message (or a :class:`Problem`) with, in brackets, how one face's users
    give the fields it names (``hints``: field name -> words for that face, e.g.
    ``{"by": "--by"}``). A refusal's problems are each worded where they are said."""
    if isinstance(said, CatalogueError) and said.problems:
        return said.lead + "; ".join(worded(p, hints) for p in said.problems)
    message = said.message if isinstance(said, CatalogueError) else str(said)
    values = getattr(said, "values", {})
    words = [hints[field].format_map(values) for field in getattr(said, "fields", ())
             if field in hints]
    return f"{message} ({'; '.join(words)})" if words else message


def need_words(need: Need, hints: Mapping[str, str]) -> str:
    """How one face's users give what a step needs (``hints`` may use ``{value}``)."""
    return hints.get(need["field"], need["field"]).format_map({"value": need["value"] or ""})
