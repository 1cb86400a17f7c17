"""Errors a user can cause, each mapped to a documented exit code."""

from __future__ import annotations

from collections.abc import Mapping
from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes, documented in the README."""

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

    exit_code: ExitCode = ExitCode.USAGE

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


def worded(error: CatalogueError, hints: Mapping[str, str]) -> str:
    """The error's message with, in brackets, how one face's users give the fields it names
    (``hints``: field name -> words for that face, e.g. ``{"by": "--by"}``)."""
    said = [hints[field] for field in error.fields if field in hints]
    return f"{error.message} ({'; '.join(said)})" if said else error.message
