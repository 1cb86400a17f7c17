"""The rules engine's vocabulary: flags with severity, reasons and sources."""

from __future__ import annotations

from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    BLOCKER = "blocker"
    NEEDS_ACTION = "needs-action"
    INFO = "info"

    @property
    def order(self) -> int:
        return {"blocker": 0, "needs-action": 1, "info": 2}[self.value]


class Flag:
    """One thing a request needs, or a warning about it.

    A plain class rather than a dataclass: the country card (the quick lookup) builds flags,
    and defining dataclasses costs more import time than the lookup itself.
    """

    __slots__ = ("decline", "facts", "id", "severity", "source", "title", "why")

    def __init__(self, id: str, severity: Severity, title: str, why: str, source: str,
                 facts: dict[str, Any] | None = None, decline: bool = False) -> None:
        self.id = id
        self.severity = severity
        self.title = title
        self.why = why  # the facts that made it fire
        self.source = source  # the seed passage or dated list it relies on
        self.facts: dict[str, Any] = facts if facts is not None else {}
        self.decline = decline  # a reason to decline the request (policy ``decline = true``)

    def _key(self) -> tuple[Any, ...]:
        return (self.id, self.severity, self.title, self.why, self.source, self.facts,
                self.decline)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Flag) and self._key() == other._key()

    __hash__ = None  # type: ignore[assignment]  # mutable, like the dataclass it replaces

    def __repr__(self) -> str:
        return f"Flag(id={self.id!r}, severity={self.severity.value!r}, title={self.title!r})"

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "severity": self.severity.value, "title": self.title,
                "why": self.why, "source": self.source, "facts": _plain_copy(self.facts),
                "decline": self.decline}


def _plain_copy(value: Any) -> Any:
    """A deep copy of JSON-like data (dicts, lists, tuples and scalars)."""
    if isinstance(value, dict):
        return {k: _plain_copy(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain_copy(v) for v in value]
    return value
