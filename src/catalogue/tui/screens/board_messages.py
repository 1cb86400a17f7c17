"""The requests board's typed worker results: each worker of the board delivers its own
:class:`~catalogue.tui.workers.Loaded` subclass, handled with ``@on`` (the list and the
request in :mod:`~catalogue.tui.screens.board_view`, the dialogs' data in the flows that open
them)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from catalogue.core.requests import pages as request_pages
from catalogue.tui.workers import Loaded


@dataclass(frozen=True)
class RequestsPage:
    """A page of one state's requests, and the number of requests in each state read with it
    (another session may have changed them: every reload of the list shows both)."""

    state: str
    rows: list[request_pages.RequestRow]
    total: int
    offset: int
    counts: dict[str, int]


class RequestsLoaded(Loaded[RequestsPage]):
    """A page of one state's requests with the state counts."""


class RequestLoaded(Loaded[request_pages.RequestDetail]):
    """One request in full (request_pages.request_detail)."""


class ChoicesLoaded(Loaded[dict[str, Any]]):
    """What the step dialogs offer (request_pages.workflow_choices)."""


class CountriesLoaded(Loaded[tuple[list[dict[str, Any]], dict[str, Any] | None]]):
    """The countries for the new or edit form, and the request to edit (None: a new one)."""


class OsjaLoaded(Loaded[dict[str, Any]]):
    """A request's OSJA overview (prompts, facts, suggestion, latest version), for the
    assessment dialog."""


class RequestFound(Loaded[tuple[int, str]]):
    """A request's id and state, to show it in its state's list."""
