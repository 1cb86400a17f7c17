"""Editing a request from what a user typed: the one orchestration both faces call.

``catalogue request edit`` (its options) and the board's edit form (its fields) both hand
:func:`edit_as_typed` a :class:`RequestEdit`: the fields given, as typed. It refuses an unknown
discipline or module (naming the nearest), resolves the country, host, disciplines, audience
and deliverers as ``request new`` does, and calls :func:`~catalogue.core.requests.register.
edit_request`, which changes only what differs and, when the scope changes after approvals,
sends the request back (policy ``[reset]``), recording both.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, TypedDict

from catalogue.core.errors import InvalidInputError
from catalogue.core.requests.model import EDITABLE, LIST_FIELDS
from catalogue.core.requests.register import EditResult, edit_request, get_request
from catalogue.core.store import Store

#: The fields resolved from user text (names, codes, prefixes), and those taken as they are.
RESOLVED = ("country", "disciplines", "modules", "location", "audience", "delivered_by", "host")
PLAIN = ("requesting_body", "cohort", "start", "end", "notes", "ethics_concerns", "funder",
         "partners")


class RequestEdit(TypedDict, total=False):
    """The fields a user gave, as typed; a field left out is left as it is."""

    requesting_body: str
    country: str  # a name, code or alias
    host: str  # the host country of work for a body that is not a country; "" for none
    disciplines: list[str]
    modules: list[str]
    location: str
    audience: list[str]
    delivered_by: list[str]
    cohort: int | None
    start: date | None
    end: date | None
    ethics_concerns: list[str]
    notes: str | None
    funder: str | None  # who pays, as typed ("" clears)
    partners: str | None


def edit_as_typed(store: Store, request_id: int, typed: RequestEdit, *, by: str,
                  note: str | None = None, clear: Iterable[str] = ()) -> EditResult:
    """Change request ``request_id`` as typed; ``clear`` empties fields (``cohort``, a list
    ...). Nothing given and nothing cleared is an error, as is clearing a field given."""
    from catalogue.core.rules.known_training import check_known_training
    from catalogue.core.rules.scope import scope_changes

    check_known_training(store, typed.get("disciplines", ()), typed.get("modules", ()))
    values: dict[str, Any] = dict(typed)
    resolved = {key: values[key] for key in RESOLVED if key in values}
    changes = scope_changes(store, **resolved,
                            current_country=get_request(store, request_id).country) \
        if resolved else {}
    changes.update({key: values[key] for key in PLAIN if key in values})
    for name in clear:
        if name not in EDITABLE:
            raise InvalidInputError(f"cannot clear {name}; fields: {', '.join(EDITABLE)}")
        if name in changes:
            raise InvalidInputError(f"{name} is both cleared and given a new value",
                                    fields=("clear",))
        changes[name] = [] if name in LIST_FIELDS else None
    if not changes:
        raise InvalidInputError("nothing to change", fields=("changes",))
    return edit_request(store, request_id, changes, by=by, note=note)
