"""A country's programmes and open requests, as the country card shows them in both faces.

Plain SQL over the user tables, so ``catalogue country`` can show it without importing the
programme and request models (the quick lookup stays quick). The app's card and the CLI's
card both call :func:`country_activity`.
"""

from __future__ import annotations

from typing import Any

from catalogue.core.dates import utc_now
from catalogue.core.requests.states import LABELS, TERMINAL
from catalogue.core.store import Store

ACTIVITY_LIMIT = 20


def _age_days(created_at: str) -> int:
    from datetime import datetime

    created = datetime.fromisoformat(created_at.replace("Z", "+00:00"))
    return max(0, (utc_now() - created).days)


def country_activity(store: Store, code: str, limit: int = ACTIVITY_LIMIT) -> dict[str, Any]:
    """A country's programmes (most recently changed first) and its open requests (newest
    first), the first ``limit`` of each, with the totals."""
    activity: dict[str, Any] = {}
    rows = store.query("SELECT id, title, delivery_mode, start_date FROM programmes "
                       "WHERE country = ? ORDER BY updated_at DESC, id DESC LIMIT ?",
                       (code, limit))
    activity["programmes"] = [{"id": r["id"], "title": r["title"],
                               "status": r["delivery_mode"], "starts": r["start_date"]}
                              for r in rows]
    activity["programmes_total"] = int(store.scalar(
        "SELECT count(*) FROM programmes WHERE country = ?", (code,)))
    closed = sorted(TERMINAL)
    marks = ", ".join("?" * len(closed))
    rows = store.query(f"SELECT id, requesting_body, state, created_at FROM requests "
                       f"WHERE country = ? AND state NOT IN ({marks}) "
                       "ORDER BY created_at DESC, id DESC LIMIT ?", (code, *closed, limit))
    activity["requests"] = [{"id": r["id"], "title": r["requesting_body"],
                             "state": LABELS.get(r["state"], r["state"]),
                             "age_days": _age_days(r["created_at"])} for r in rows]
    activity["requests_total"] = int(store.scalar(
        f"SELECT count(*) FROM requests WHERE country = ? AND state NOT IN ({marks})",
        (code, *closed)))
    return activity
