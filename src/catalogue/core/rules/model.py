"""The rules engine's vocabulary: flags with severity, reasons and sources."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    BLOCKER = "blocker"
    NEEDS_ACTION = "needs-action"
    INFO = "info"

    @property
    def order(self) -> int:
        return {"blocker": 0, "needs-action": 1, "info": 2}[self.value]


@dataclass(slots=True)
class Flag:
    """One thing a request needs, or a warning about it."""

    id: str
    severity: Severity
    title: str
    why: str  # the facts that made it fire
    source: str  # the seed passage or dated list it relies on
    facts: dict[str, Any] = field(default_factory=dict)
    decline: bool = False  # a reason to decline the request (policy ``decline = true``)

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
