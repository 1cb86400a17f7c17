"""Strict readers for TOML and CSV data files that report ``file:line`` on any problem."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from catalogue.core.dates import check_date_text
from catalogue.core.errors import DataFileError, InvalidInputError


@dataclass
class TextFile:
    """A data file's text plus the name to show in error messages."""

    path: Path
    display: str
    text: str

    def fail(self, line: int | None, problem: str) -> DataFileError:
        return DataFileError(self.display, line, problem)

    def checked_date(self, line: int | None, text: str, label: str,
                     forms: tuple[str, ...] = ("day",)) -> str:
        """``text`` if it is a real date of an allowed form (see ``check_date_text``), else
        ``file:line: label 'text' is not ...``."""
        try:
            return check_date_text(text, label, forms)
        except InvalidInputError as exc:
            raise self.fail(line, str(exc)) from None

    def line_of(self, key: str, value: object, occurrence: int = 1) -> int | None:
        """The line where ``key = value`` appears (the n-th time), for semantic errors."""
        if isinstance(value, str):
            literal = r"""["']""" + re.escape(value) + r"""["']"""
        else:
            literal = re.escape(str(value)).lower()
        pattern = re.compile(r"^\s*" + re.escape(key) + r"\s*=\s*" + literal, re.IGNORECASE)
        seen = 0
        for number, line in enumerate(self.text.splitlines(), start=1):
            if pattern.search(line):
                seen += 1
                if seen == occurrence:
                    return number
        return None

    def line_of_table(self, name: str) -> int | None:
        """The line of the ``[name]`` table header."""
        for number, line in enumerate(self.text.splitlines(), start=1):
            if line.strip() == f"[{name}]":
                return number
        return None

    def line_containing(self, needle: str) -> int | None:
        """The first line containing ``needle`` (quoted as a string value)."""
        for number, line in enumerate(self.text.splitlines(), start=1):
            if f'"{needle}"' in line or f"'{needle}'" in line:
                return number
        return None


def read_text(path: Path, root: Path) -> TextFile:
    """Read a UTF-8 file; a bad byte is reported with its line number."""
    try:
        display = path.relative_to(root.parent).as_posix()
    except ValueError:
        display = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataFileError(display, None, f"cannot read file ({exc.strerror})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataFileError(
            display, line, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8"
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    control = _CONTROL.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        raise DataFileError(display, line, f"control character U+{ord(control.group()):04X} "
                            "(invisible, and a terminal would obey it); remove it")
    return TextFile(path, display, text)


#: Control characters other than tab and line endings: never meant in a data file.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


_TOML_POSITION = re.compile(r"\(at line (\d+), column \d+\)")


def parse_toml(file: TextFile) -> dict[str, Any]:
    """Parse TOML; syntax errors keep the parser's line number."""
    import tomllib

    try:
        return tomllib.loads(file.text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = _TOML_POSITION.search(message)
        line = int(match.group(1)) if match else None
        problem = _TOML_POSITION.sub("", message).strip()
        raise file.fail(line, f"TOML syntax error: {problem}") from None


@dataclass
class CsvRow:
    line: int
    values: dict[str, str]

    def get(self, key: str) -> str:
        return self.values.get(key, "") or ""


def read_csv(file: TextFile, required: list[str]) -> Iterator[CsvRow]:
    """Yield rows with their line numbers; check the header and the column count."""
    reader = csv.reader(io.StringIO(file.text, newline=""), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise file.fail(1, "file is empty; expected a header row") from None
    except csv.Error as exc:
        raise file.fail(1, f"CSV error: {exc}") from None
    header = [h.strip() for h in header]
    missing = [name for name in required if name not in header]
    if missing:
        raise file.fail(1, f"header is missing column(s): {', '.join(missing)}")
    while True:
        start = reader.line_num + 1
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:  # e.g. a quote never closed: name the line the record starts
            raise file.fail(start, f"CSV error: {exc}; check the quotes in this record") \
                from None
        if not values or all(not v.strip() for v in values):
            continue
        if values[0].lstrip().startswith("#"):
            continue
        if len(values) != len(header):
            raise file.fail(
                start, f"expected {len(header)} columns ({', '.join(header)}), found {len(values)}"
            )
        yield CsvRow(start, {k: v.strip() for k, v in zip(header, values, strict=True)})
