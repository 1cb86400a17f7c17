"""Target days per workflow state: local practice from ``data/workflow-targets.toml``.

Seeded as the ``workflow_targets`` table; every figure shown with them says they are the
organisation's own practice (the file's ``basis``), not a published rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from catalogue.core.store import Store


TARGETS_FILE = "workflow-targets.toml"
MAX_DAYS = 3650


@dataclass(frozen=True)
class Targets:
    days: dict[str, int]  # state -> target days in it
    basis: str  # who set them: always shown with them


def target_tables(root: Path) -> list[Any]:
    from catalogue.core.data.textfiles import parse_toml, read_text
    from catalogue.core.ref_table import RefTable
    from catalogue.core.requests.states import FORWARD, TERMINAL

    file = read_text(root / TARGETS_FILE, root)
    doc = parse_toml(file)
    basis = doc.get("basis")
    if not isinstance(basis, str) or not basis.strip():
        raise file.fail(None, "missing 'basis': say whose practice these targets are")
    days = doc.get("days")
    if not isinstance(days, dict):
        raise file.fail(None, "missing the [days] table (state = days)")
    states = [s for s in FORWARD if s not in TERMINAL]
    rows = []
    for state, value in days.items():
        line = next((n for n, text in enumerate(file.text.splitlines(), start=1)
                     if text.strip().startswith(f"{state} ") or
                     text.strip().startswith(f"{state}=")), None)
        if state not in states:
            raise file.fail(line, f"unknown state {state!r}; states with a target: "
                                  f"{', '.join(states)}")
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_DAYS:
            raise file.fail(line, f"{state}: days must be a whole number from 1 to {MAX_DAYS}")
        rows.append({"state": state, "days": value, "basis": basis.strip()})
    return [RefTable("workflow_targets", rows, pk="state",
                     columns={"state": str, "days": int, "basis": str})]


def load_targets(store: Store) -> Targets:
    rows = store.query("SELECT state, days, basis FROM workflow_targets")
    days = {r["state"]: r["days"] for r in rows}
    basis = next((r["basis"] for r in rows), "local practice (no targets set)")
    return Targets(days, basis)
