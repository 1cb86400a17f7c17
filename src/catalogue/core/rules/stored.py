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
    return stored_json(raw, "approval policy")


def stored_json(raw: str, what: str) -> dict[str, Any]:
    """A reference table's JSON document; damage is a database error, not a crash."""
    try:
        return dict(json.loads(raw))
    except (ValueError, TypeError):
        from catalogue.core.errors import DatabaseError

        raise DatabaseError(f"the stored {what} is damaged; run 'catalogue db check', restore "
                            "a backup or run 'catalogue db reseed'") from None
