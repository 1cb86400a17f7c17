"""The states a request passes through, in order, and the words used to describe each step.

Light: imported by the policy loader and the CLI's help texts.
"""

from __future__ import annotations

from catalogue.core.errors import InvalidInputError
from catalogue.core.names import fold

#: The forward path. A request moves one step at a time, never skipping one.
FORWARD: tuple[str, ...] = (
    "received",
    "scoping",
    "ipab-submitted",
    "jiph-approved",
    "osja-assessed",
    "embassy-consulted",
    "authorised",
    "scheduled",
    "delivered",
)
#: Reachable from any state before delivery, with a reason.
EXITS: tuple[str, ...] = ("declined", "withdrawn")
STATES: tuple[str, ...] = FORWARD + EXITS
TERMINAL: frozenset[str] = frozenset({"delivered", *EXITS})

LABELS = {
    "received": "Received",
    "scoping": "Scoping",
    "ipab-submitted": "IPAB submitted to JIPH",
    "jiph-approved": "JIPH approved",
    "osja-assessed": "OSJA assessed",
    "embassy-consulted": "Embassy consulted",
    "authorised": "Authorised",
    "scheduled": "Scheduled",
    "delivered": "Delivered",
    "declined": "Declined",
    "withdrawn": "Withdrawn",
}

#: How a refusal names a step that is an action of its own ("cannot schedule request 12:
#: ..."); any other step is named as the move it is ("cannot move request 12 to
#: osja-assessed: ..."), never as the recording of what the guard found missing.
VERBS = {
    "authorised": "authorise request {id}",
    "scheduled": "schedule request {id}",
    "delivered": "mark request {id} as delivered",
    "declined": "decline request {id}",
    "withdrawn": "withdraw request {id}",
}


def refusal_lead(target: str, request_id: int) -> str:
    """What a refused step's message starts with: "cannot move request 12 to osja-assessed",
    "cannot authorise request 12"."""
    verb = VERBS.get(target, f"move request {{id}} to {target}")
    return "cannot " + verb.format(id=request_id)


#: What one sentence of a guide says each step means.
MEANINGS = {
    "received": "the request has been logged",
    "scoping": "the training needed is being worked out with the requesting body",
    "ipab-submitted": "the IPAB form has gone to JIPH",
    "jiph-approved": "JIPH has approved the IPAB",
    "osja-assessed": "an OSJA human-rights assessment version is recorded and current",
    "embassy-consulted": "the British High Commission, Embassy or other mission has given its views",
    "authorised": "an approver of at least the level the OSJA assessment decided has authorised the work",
    "scheduled": "dates are fixed",
    "delivered": "the training has taken place",
    "declined": "the organisation decided not to do the work",
    "withdrawn": "the requesting body withdrew, or the request was closed",
}


def position(state: str) -> int:
    """Index on the forward path (declined / withdrawn are after everything)."""
    return STATES.index(state)


def next_state(state: str) -> str | None:
    """The next forward state, or None at the end or in a terminal state."""
    if state in TERMINAL or state not in FORWARD:
        return None
    return FORWARD[FORWARD.index(state) + 1]


def reached(state: str, milestone: str) -> bool:
    """True if a request in ``state`` has passed through ``milestone`` on the forward path."""
    return state in FORWARD and FORWARD.index(state) >= FORWARD.index(milestone)


def parse_state(text: str) -> str:
    """A state id from user text ("JIPH approved", "jiph-approved"); InvalidInputError if unknown."""
    wanted = fold(text).replace(" ", "-")
    for state in STATES:
        if wanted in (state, fold(LABELS[state]).replace(" ", "-")):
            return state
    raise InvalidInputError(f"unknown state {text!r}; states are: {', '.join(STATES)}")
