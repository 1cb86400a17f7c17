"""The rules engine's vocabulary: flags with severity, reasons and sources."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    BLOCKER = "blocker"
    NEEDS_ACTION = "needs-action"
    INFO = "info"

    @property
    def order(self) -> int:
        return {"blocker": 0, "needs-action": 1, "info": 2}[self.value]


@dataclass
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
        data = asdict(self)
        data["severity"] = self.severity.value
        return data
