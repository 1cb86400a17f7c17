"""Property: random sequences of workflow actions never reach ``scheduled`` without the
approvals it needs, never lose or skip an audit row, and refusals change nothing."""

from __future__ import annotations

import contextlib
import json
import shutil
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from catalogue.core.errors import InvalidInputError, NotFoundError, RefusedError
from catalogue.core.requests import audit
from catalogue.core.requests.guards import StepInput
from catalogue.core.requests.register import create_request, edit_request, get_request
from catalogue.core.requests.states import FORWARD, TERMINAL, next_state, reached
from catalogue.core.requests.workflow import advance, decline, reset, withdraw
from catalogue.core.rules.advice import clear_advice, set_advice
from catalogue.core.rules.engine import assess
from catalogue.core.rules.scope import Scope
from catalogue.core.store import open_store
from request_helpers import record_osja

COUNTRIES = ["PK", "EG", "KE", "SO", "EU", "GI"]  # PK, EG: human-rights priority countries
SOME_DISCIPLINES = st.lists(st.sampled_from(["counter-terrorism", "leadership", "organised-crime",
                                             "forensic-accounting"]),
                            min_size=1, max_size=2, unique=True)
DISCIPLINES = st.one_of(st.just(["counter-terrorism"]), SOME_DISCIPLINES, SOME_DISCIPLINES,
                        st.just([]))
AUDIENCE = st.lists(st.sampled_from(["inspector", "public-order", "armed-units"]), max_size=2,
                    unique=True)
DELIVERERS = st.one_of(st.just(["serving-officers"]), st.lists(
    st.sampled_from(["staff", "associates", "serving-officers"]), max_size=2, unique=True))
START = date.today() + timedelta(days=120)
REFUSALS = (RefusedError, InvalidInputError)
MAX_REQUESTS = 3


def mostly(value: Any, *others: Any) -> st.SearchStrategy[Any]:
    """``value`` three times in four, else one of ``others``."""
    return st.sampled_from([value, value, value, *others]) if len(others) == 1 else \
        st.one_of(st.just(value), st.just(value), st.just(value), st.sampled_from(others))


class RequestMachine(RuleBasedStateMachine):
    template: Path

    requests = Bundle("requests")

    def __init__(self) -> None:
        super().__init__()
        self.folder = tempfile.mkdtemp()
        path = Path(self.folder) / "catalogue.db"
        shutil.copyfile(self.template, path)
        self.store = open_store(path)
        self.expected_events = 0
        self.created = 0

    def teardown(self) -> None:
        self.store.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _snapshot(self, request_id: int) -> tuple[Any, int]:
        return get_request(self.store, request_id), audit.count_events(self.store)

    def _attempt(self, request_id: int, action: Any, noop_ok: bool = False) -> None:
        """Run ``action``; a success adds audit rows (an edit to the same value adds none, and
        changes nothing), a refusal must change nothing."""
        before = self._snapshot(request_id)
        try:
            result = action()
        except REFUSALS:
            assert self._snapshot(request_id) == before
            return
        if noop_ok and not result.changed:
            assert self._snapshot(request_id) == before
            return
        self.expected_events = audit.count_events(self.store)
        assert self.expected_events > before[1]

    @precondition(lambda self: self.created < MAX_REQUESTS)
    @rule(target=requests, country=mostly("PK", *COUNTRIES), disciplines=DISCIPLINES,
          location=st.sampled_from(["uk", "in-country", "remote"]), audience=AUDIENCE,
          delivered_by=DELIVERERS, concern=mostly(False, True), dated=mostly(True, False))
    def create(self, country: str, disciplines: list[str], location: str, audience: list[str],
               delivered_by: list[str], concern: bool, dated: bool) -> int:
        scope = Scope(country, disciplines=disciplines, location=location, audience=audience,
                      delivered_by=delivered_by,
                      ethics_concerns=["abuse allegations"] if concern else [],
                      start=START if dated else None,
                      end=START + timedelta(days=5) if dated else None)
        request = create_request(self.store, "Force", scope, by="machine")
        self.expected_events += 1
        self.created += 1
        return request.id

    @rule(request_id=requests, to=mostly(None, *FORWARD),
          grade=mostly(None, "head-of-department", "minister"),
          level=mostly("minister", None, "head-of-department", "king"),
          s26=mostly("S26/1", None), note=st.none() | st.just("OSJA team view"))
    def step(self, request_id: int, to: str | None, grade: str | None, level: str | None,
             s26: str | None, note: str | None) -> None:
        """``grade``: record an OSJA assessment version deciding that level first (a level below
        the suggested minimum is recorded with a reason)."""
        before = get_request(self.store, request_id).state
        if grade is not None:
            self._attempt(request_id, lambda: record_osja(
                self.store, request_id, level=grade, below="mitigated"))
        step = StepInput(authoriser="A. Person" if level else None,
                         authoriser_level=level, s26_reference=s26, note=note)
        self._attempt(request_id, lambda: advance(self.store, request_id, by="machine", to=to,
                                                  step=step))
        request = get_request(self.store, request_id)
        # Checked as the request becomes scheduled: a fact that changes later (an ethics
        # concern recorded, travel advice) leaves it scheduled but blocks delivery, which
        # the delivery guard and test_osja_record check.
        if request.state == "scheduled" and before != "scheduled":
            self._check_scheduled(request)

    @rule(request_id=requests, steps=st.integers(1, 9),
          level=st.sampled_from(["minister", "head-of-department"]),
          s26=st.sampled_from(["S26/1", None]))
    def push(self, request_id: int, steps: int, level: str, s26: str | None) -> None:
        """Several next steps in a row, authorised by a Minister (careful) or a head of
        department whatever the grade (hurried), with or without an s.26 reference."""
        for _ in range(steps):
            state = get_request(self.store, request_id).state
            self.step(request_id, None, None, level, s26, None)
            if get_request(self.store, request_id).state == state:
                return

    @rule(request_id=requests, exit_decline=st.booleans(), reason=mostly("", "why"))
    def leave(self, request_id: int, exit_decline: bool, reason: str) -> None:
        action = decline if exit_decline else withdraw
        self._attempt(request_id, lambda: action(self.store, request_id, by="machine",
                                                 reason=reason))

    @rule(request_id=requests, to=st.sampled_from(FORWARD))
    def go_back(self, request_id: int, to: str) -> None:
        self._attempt(request_id, lambda: reset(self.store, request_id, to=to, by="machine",
                                                reason="re-assess"))

    @rule(request_id=requests, data=st.data())
    def edit(self, request_id: int, data: st.DataObject) -> None:
        field = data.draw(st.sampled_from(["country", "disciplines", "location", "audience",
                                           "delivered_by", "start", "cohort",
                                           "ethics_concerns"]))
        value: Any = {
            "country": st.sampled_from(COUNTRIES), "disciplines": DISCIPLINES,
            "location": st.sampled_from(["uk", "in-country", "remote"]), "audience": AUDIENCE,
            "delivered_by": DELIVERERS, "cohort": st.integers(1, 40),
            "start": st.sampled_from([START, START + timedelta(days=3)]),
            "ethics_concerns": st.sampled_from([[], ["abuse allegations"]]),
        }[field]
        new = data.draw(value)
        self._attempt(request_id, lambda: edit_request(self.store, request_id, {field: new},
                                                       by="machine"), noop_ok=True)

    @rule(country=st.sampled_from(COUNTRIES),
          level=st.sampled_from(["against-all", "against-all-but-essential", "none", None]))
    def travel_advice(self, country: str, level: str | None) -> None:
        if level is None:
            with contextlib.suppress(NotFoundError):  # nothing recorded: fine
                clear_advice(self.store, country)
        else:
            set_advice(self.store, country, level, date.today(), by="machine")

    def _check_scheduled(self, request: Any) -> None:
        """Independently of the guards: everything scheduling needs is in place."""
        from catalogue.core.osja.record import latest

        policy = json.loads(self.store.scalar("SELECT value FROM policy WHERE key='approval'"))
        ranks = {a["id"]: a["rank"] for a in policy["approvers"]}
        version = latest(self.store, request.id)
        assert version is not None and request.osja_version
        assert request.authoriser and request.authoriser_level in ranks
        assert ranks[request.authoriser_level] >= ranks[version["decided_level"]]
        assert ranks[version["decided_level"]] >= ranks[version["suggested_level"]] \
            or version["below_reason"]
        assert request.mission
        if "serving-officers" in request.delivered_by:
            assert request.s26_reference
        assert request.start and request.start > date.today()
        assert not assess(self.store, request.scope()).decline_signals

    @invariant()
    def audit_rows_are_never_lost(self) -> None:
        assert audit.count_events(self.store) == self.expected_events

    @invariant()
    def history_replays_to_the_current_state(self) -> None:
        for row in self.store.query("SELECT id FROM requests"):
            request = get_request(self.store, row["id"])
            state = None
            for event in audit.history(self.store, request.id):
                if event["action"] == "created":
                    assert state is None
                else:
                    assert event["from_state"] == state, event
                if event["action"] == "advanced":
                    assert event["to_state"] == next_state(state or ""), event
                if event["action"] == "reset":
                    assert FORWARD.index(event["to_state"]) < FORWARD.index(state or ""), event
                state = event["to_state"]
            assert state == request.state

    @invariant()
    def approvals_match_the_state(self) -> None:
        for row in self.store.query("SELECT id FROM requests"):
            request = get_request(self.store, row["id"])
            if request.state in TERMINAL - {"delivered"}:
                continue
            assert bool(request.osja_version) == reached(request.state, "osja-assessed")
            assert bool(request.mission) == reached(request.state, "embassy-consulted")
            assert bool(request.authoriser) == reached(request.state, "authorised")
            if reached(request.state, "authorised"):
                self._check_authorisation(request)

    def _check_authorisation(self, request: Any) -> None:
        """From authorised on: the authoriser's level suits the level decided by the latest OSJA
        assessment version recorded before the authorisation, and s.26."""
        policy = json.loads(self.store.scalar("SELECT value FROM policy WHERE key='approval'"))
        ranks = {a["id"]: a["rank"] for a in policy["approvers"]}
        decided = None
        for event in audit.history(self.store, request.id):
            if event["action"] == "osja-recorded":
                decided = event["details"]["decided_level"]
            if event["action"] == "advanced" and event["to_state"] == "authorised":
                assert decided is not None
                assert ranks[event["details"]["authoriser_level"]] >= ranks[decided]
        if "serving-officers" in request.delivered_by:
            assert request.s26_reference


def test_random_workflows_keep_their_guarantees(seeded_template: Path) -> None:
    class Machine(RequestMachine):
        template = seeded_template

    run_state_machine_as_test(Machine, settings=settings(
        max_examples=50, stateful_step_count=40, deadline=None, database=None))
