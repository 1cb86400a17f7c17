"""A request assessed twice, for the OSJA document tests and the LibreOffice render test."""

from __future__ import annotations

from datetime import date, timedelta

from catalogue.core.osja.record import AssessmentInput, record_assessment
from catalogue.core.osja.view import osja_overview
from catalogue.core.store import Store
from request_helpers import new_request, record_osja


def assessed_twice(store: Store) -> int:
    """Two versions: the first with a note, the second with a serious risk, IHL assumed,
    mitigations and two consultees (one whose name looks like markup)."""
    request = new_request(store, "KE", location="in-country", audience=["inspector"],
                          disciplines=["leadership", "investigation"])
    record_osja(store, request.id, notes={"reputation": "Press | interest *in* custody deaths"})
    day = date.today()
    prompts = osja_overview(store, request.id, day)["prompts"]
    record_assessment(store, request.id, AssessmentInput(
        author="B. Reviewer", assessed_on=day, stage1_reference="BHC 2026/2",
        stage1_date=day - timedelta(days=10), serious_risk="yes", ihl="assumed",
        decided_level="minister", decided_reason="serious risk: Ministers oversee it",
        answers={p["id"]: "yes" for p in prompts},
        mitigations="Vetting of participants; a human rights module added",
        consulted=[("BHC political section", day), ("FCDO desk [b]officer[/b]", day)]),
        by="tester", today=day)
    return request.id
