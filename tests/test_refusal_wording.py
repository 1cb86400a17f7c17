"""A refused step says which move was refused ("cannot move request 1 to osja-assessed: no
OSJA assessment is recorded ..."), never as if recording the missing thing were refused."""

from __future__ import annotations

import pytest

from catalogue.core.errors import RefusedError
from catalogue.core.requests.states import FORWARD, refusal_lead
from catalogue.core.requests.workflow import advance
from catalogue.core.store import Store
from request_helpers import new_request, step_for, walk_to


@pytest.mark.parametrize(("target", "lead"), [
    ("scoping", "cannot move request 7 to scoping"),
    ("ipab-submitted", "cannot move request 7 to ipab-submitted"),
    ("jiph-approved", "cannot move request 7 to jiph-approved"),
    ("osja-assessed", "cannot move request 7 to osja-assessed"),
    ("embassy-consulted", "cannot move request 7 to embassy-consulted"),
    ("authorised", "cannot authorise request 7"),
    ("scheduled", "cannot schedule request 7"),
    ("delivered", "cannot mark request 7 as delivered"),
    ("declined", "cannot decline request 7"),
    ("withdrawn", "cannot withdraw request 7"),
])
def test_every_step_has_a_lead(target: str, lead: str) -> None:
    assert refusal_lead(target, 7) == lead
    assert "record" not in lead


def test_every_forward_step_is_worded() -> None:
    assert all(refusal_lead(t, 1).startswith("cannot ") for t in FORWARD[1:])


def test_osja_step_refused_names_the_move(store: Store) -> None:
    request = walk_to(store, new_request(store), "jiph-approved")
    with pytest.raises(RefusedError) as refused:
        advance(store, request.id, by="tester", step=step_for("osja-assessed"))
    assert refused.value.message.startswith(
        f"cannot move request {request.id} to osja-assessed: no OSJA assessment is recorded")


def test_cli_says_which_move_was_refused(invoke, store: Store) -> None:  # type: ignore[no-untyped-def]
    request = walk_to(store, new_request(store), "jiph-approved")
    result = invoke("request", "advance", str(request.id), "--by", "bob")
    assert result.exit_code == 5
    assert result.stderr.startswith(f"catalogue: cannot move request {request.id} to "
                                    "osja-assessed: no OSJA assessment is recorded: record one "
                                    f"with catalogue osja record {request.id}"), result.stderr
