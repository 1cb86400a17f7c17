"""Typed access to one TOML record, failing with ``file:line`` on anything unexpected."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from catalogue.core.data.textfiles import TextFile


class Record:
    """One table of a TOML file (``[[module]]``, ``[[list]]`` ...) with its line number."""

    def __init__(
        self, file: TextFile, data: Any, what: str, key: str = "id", occurrence: int = 1
    ) -> None:
        self.file = file
        self.what = what
        if not isinstance(data, dict):
            raise file.fail(None, f"each {what} must be a table of fields")
        self.data: dict[str, Any] = data
        self._where = (key, data.get(key), occurrence)

    @cached_property
    def line(self) -> int | None:
        """The record's first line, found when first asked for: only error messages need it,
        and finding it for every record of every file was a tenth of seeding."""
        key, ident, occurrence = self._where
        return self.file.line_of(key, ident, occurrence) if ident is not None else None

    def fail(self, problem: str, key: str | None = None) -> Exception:
        line = self.line
        if key is not None and line is not None:
            line = self._line_of_field(key) or line
        return self.file.fail(line, problem)

    def _line_of_field(self, key: str) -> int | None:
        """The line of ``key = ...`` at or after this record's first line."""
        lines = self.file.text.splitlines()
        start = (self.line or 1) - 1
        for offset, text in enumerate(lines[start:], start=start + 1):
            stripped = text.lstrip()
            if offset > start + 1 and stripped.startswith("[["):
                break
            if stripped.startswith(key) and stripped[len(key) :].lstrip().startswith("="):
                return offset
        return None

    def known(self, allowed: set[str]) -> None:
        for key in self.data:
            if key not in allowed:
                raise self.fail(
                    f"unknown field {key!r} in {self.what} (allowed: {', '.join(sorted(allowed))})",
                    key,
                )

    def text(self, key: str, required: bool = True, choices: tuple[str, ...] = ()) -> str:
        value = self.data.get(key)
        if value is None:
            if required:
                raise self.fail(f"{self.what} is missing required field {key!r}")
            return ""
        if not isinstance(value, str):
            raise self.fail(f"{key!r} must be text in quotes", key)
        value = value.strip()
        if required and not value:
            raise self.fail(f"{key!r} must not be empty", key)
        if choices and value not in choices:
            raise self.fail(f"{key!r} is {value!r}; expected one of: {', '.join(choices)}", key)
        return value

    def date(self, key: str, forms: tuple[str, ...] = ("day",), required: bool = True) -> str:
        """A date field, in quotes, checked by the shared strict check (``2021-02-30``,
        ``2023-13`` and ``"soon"`` are refused at the field's line)."""
        text = self.text(key, required)
        if not text:
            return ""
        return self.file.checked_date(self._line_of_field(key) or self.line, text, key, forms)

    def integer(self, key: str, low: int, high: int, required: bool = True) -> int | None:
        value = self.data.get(key)
        if value is None:
            if required:
                raise self.fail(f"{self.what} is missing required field {key!r}")
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(f"{key!r} must be a whole number", key)
        if not low <= value <= high:
            raise self.fail(f"{key!r} is {value}; expected {low} to {high}", key)
        return value

    def text_list(self, key: str, required: bool = True, min_items: int = 0) -> list[str]:
        value = self.data.get(key)
        if value is None:
            if required:
                raise self.fail(f"{self.what} is missing required field {key!r}")
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(f"{key!r} must be a list of quoted texts, like [\"a\", \"b\"]", key)
        items = [v.strip() for v in value]
        if any(not v for v in items):
            raise self.fail(f"{key!r} contains an empty text", key)
        if len(items) < min_items:
            raise self.fail(f"{key!r} needs at least {min_items} item(s)", key)
        return items

    def tables(self, key: str) -> list[Any]:
        value = self.data.get(key, [])
        if not isinstance(value, list):
            raise self.fail(f"{key!r} must be a list of tables", key)
        return value


def records(file: TextFile, doc: dict[str, Any], name: str, what: str, key: str = "id") -> list[Record]:
    """The ``[[name]]`` tables of a document, each as a :class:`Record`."""
    items = doc.get(name)
    if items is None:
        raise file.fail(None, f"no [[{name}]] entries found")
    if not isinstance(items, list):
        raise file.fail(file.line_containing(name), f"{name!r} must be written as [[{name}]] tables")
    seen: dict[Any, int] = {}
    result = []
    for item in items:
        ident = item.get(key) if isinstance(item, dict) else None
        seen[ident] = seen.get(ident, 0) + 1
        result.append(Record(file, item, what, key, seen[ident]))
    return result


def check_unique(items: list[Record], key: str, scope: dict[str, Record] | None = None) -> dict[str, Record]:
    """Map id -> record, failing on the second use of an id."""
    found: dict[str, Record] = scope if scope is not None else {}
    for record in items:
        ident = record.text(key)
        if ident in found:
            first = found[ident]
            where = f"{first.file.display}:{first.line}" if first.line else first.file.display
            raise record.fail(f"duplicate {record.what} id {ident!r} (first defined at {where})", key)
        found[ident] = record
    return found
