"""The requests' read models for the board: counts by state, a page of requests, one
request's detail, the step dialogs' choices, and requests for the palette."""

from __future__ import annotations

import re
from typing import Any

from catalogue.core.names import typed_number
from catalogue.core.programmes.pages import PALETTE_LIMIT
from catalogue.core.requests.overview import RequestOverview, request_overview
from catalogue.core.requests.register import RequestRow
from catalogue.core.store import Store


def request_state_counts(store: Store) -> dict[str, int]:
    """How many requests are in each state (every state listed, zero included)."""
    from catalogue.core.requests.states import STATES

    counts = dict.fromkeys(STATES, 0)
    for row in store.query("SELECT state, count(*) FROM requests GROUP BY state"):
        counts[row[0]] = row[1]
    return counts


OPEN = "open"


def request_page(store: Store, state: str, *, limit: int = 200, offset: int = 0,
                 overdue_first: bool = False) -> tuple[list[RequestRow], int]:
    """A page of requests in one state (or every open one), oldest first (or the most days
    past their state's target first), and the total. Each row carries its clock."""
    from catalogue.core.osja.view import needing_reassessment
    from catalogue.core.requests.register import RequestFilter, count_requests, list_requests
    from catalogue.core.requests.states import TERMINAL

    flt = RequestFilter(open_only=True) if state == OPEN else RequestFilter(states=[state])
    rows = list_requests(store, flt, limit=limit, offset=offset,
                         sort="overdue" if overdue_first else "created",
                         descending=overdue_first)
    marks = needing_reassessment(store, [r["id"] for r in rows])
    for row in rows:  # the board marks the requests whose OSJA assessment needs redoing
        row["osja_state"] = marks.get(row["id"], "none")
        if row["osja_state"] in ("reassess", "legacy") and row["state"] not in TERMINAL:
            row["state_label"] = f"re-assess · {row['state_label']}"
    return rows, count_requests(store, flt)


class RequestDetail(RequestOverview):
    """The board's detail: the overview, the audit history and the linked programme (id,
    title, country; None when not linked)."""

    history: list[dict[str, Any]]
    programme: dict[str, Any] | None


def request_detail(store: Store, request_id: int) -> RequestDetail:
    """The request overview, its audit history and its linked programme's title."""
    from catalogue.core.requests.audit import history

    overview = request_overview(store, request_id)
    programme_id = overview["request"]["programme_id"]
    programme = None
    if programme_id is not None:
        row = store.one("SELECT id, title, country FROM programmes WHERE id = ?", (programme_id,))
        programme = dict(row) if row else {"id": programme_id, "title": None, "country": None}
    return RequestDetail(**overview, history=history(store, request_id), programme=programme)


def workflow_choices(store: Store) -> dict[str, Any]:
    """The policy's OSJA grades, approvers and decline reasons, for the step dialogs."""
    from catalogue.core.rules.stored import stored_policy

    policy = stored_policy(store)
    return {
        "approvers": [(a["id"], a["title"]) for a in policy["approvers"]],
        "decline_reasons": [(k, re.sub(r"\s*\{[^}]*\}", "", v["title"]))
                            for k, v in policy["flags"].items() if v.get("decline")],
    }


def find_requests(store: Store, text: str, limit: int = PALETTE_LIMIT) -> list[dict[str, Any]]:
    """Requests for the palette: by number, or by requesting body or country name."""
    sql = ("SELECT r.id, r.requesting_body, r.state, c.name AS country_name FROM requests r "
           "LEFT JOIN countries c ON c.code = r.country")
    number = typed_number(text)
    if number is not None:
        rows = store.query(sql + " WHERE r.id = ?", (number,))
    elif text.strip():
        pattern = "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace(
            "_", "\\_") + "%"
        rows = store.query(sql + " WHERE r.requesting_body LIKE ? ESCAPE '\\' OR c.name LIKE ? "
                           "ESCAPE '\\' ORDER BY r.id DESC LIMIT ?", (pattern, pattern, limit))
    else:
        rows = store.query(sql + " ORDER BY r.updated_at DESC, r.id DESC LIMIT ?", (limit,))
    return [dict(r) for r in rows]
