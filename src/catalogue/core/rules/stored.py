"""The seeded approval policy, read back from the database.

Light on purpose: the country card (the quick lookup) uses it, so it imports only json.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from catalogue.core.store import Store


def stored_policy(store: Store) -> dict[str, Any]:
    raw = store.scalar("SELECT value FROM policy WHERE key = 'approval'")
    if not raw:
        return {"flags": {}, "missions": {}, "missions_by_kind": {}, "missions_by_code": {}}
    return dict(json.loads(raw))
