"""Load and validate ``data/approval-policy.toml``; seed it as the ``policy`` reference table."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from catalogue.core.data.fields import check_unique, records
from catalogue.core.data.textfiles import parse_toml, read_text
from catalogue.core.rules.model import Severity
from catalogue.core.store import Store

POLICY_FILE = "approval-policy.toml"
MISSION_KEYS = ("high-commission", "embassy", "consulate-general", "governor", "mission-to-eu",
                "unknown")


def load_policy(root: Path) -> dict[str, Any]:
    file = read_text(root / POLICY_FILE, root)
    doc = parse_toml(file)
    flags = {}
    items = records(file, doc, "flag", "flag")
    for ident, record in check_unique(items, "id").items():
        record.known({"id", "severity", "title", "why", "source"})
        flags[ident] = {
            "id": ident,
            "severity": record.text("severity", choices=tuple(s.value for s in Severity)),
            "title": record.text("title"),
            "why": record.text("why"),
            "source": record.text("source"),
        }
    missions = doc.get("missions")
    if not isinstance(missions, dict):
        raise file.fail(None, "missing the [missions] table")
    for key in MISSION_KEYS:
        if not isinstance(missions.get(key), str) or not missions[key].strip():
            raise file.fail(file.line_containing("missions"), f"[missions] needs a text for {key!r}")
    return {"flags": flags, "missions": {k: missions[k] for k in MISSION_KEYS}}


def policy_tables(root: Path) -> list[Any]:
    from catalogue.core.seed import RefTable

    policy = load_policy(root)
    return [RefTable("policy", [{"key": "approval", "value": json.dumps(policy)}], pk="key")]


def stored_policy(store: Store) -> dict[str, Any]:
    raw = store.scalar("SELECT value FROM policy WHERE key = 'approval'")
    return json.loads(raw) if raw else {"flags": {}, "missions": {}}
