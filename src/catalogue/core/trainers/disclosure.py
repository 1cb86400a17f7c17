"""The disclosure class of every text field the trainer tables store, and the public form of
a delivery for the calendar feed.

``public`` fields may appear in public material (the .ics feed); ``withheld`` ones never do.
The reasons follow the source document's "Disclosing details of international assistance"
(categories of ``[[disclosure]]`` in the approval policy). A test fails when a text column
of these tables has no class here.
"""

from __future__ import annotations

from catalogue.core.store import Store
from catalogue.core.trainers.deliveries import Delivery

PUBLIC = "public"
WITHHELD = "withheld"

#: ``table.column`` -> (class, category or why).
FIELD_CLASSES: dict[str, tuple[str, str]] = {
    "trainers.name": (WITHHELD, "deployed-staff"),
    "trainers.kind": (WITHHELD, "deployed-staff"),
    "trainers.force": (WITHHELD, "deployed-staff"),
    "trainers.languages": (WITHHELD, "deployed-staff"),
    "trainers.notes": (WITHHELD, "deployed-staff"),
    "trainers.created_at": (PUBLIC, "a timestamp"),
    "trainers.updated_at": (PUBLIC, "a timestamp"),
    "trainer_subjects.kind": (PUBLIC, "a fixed vocabulary"),
    "trainer_subjects.subject": (WITHHELD, "deployed-staff"),
    "trainer_subjects.accredited_on": (WITHHELD, "deployed-staff"),
    "trainer_subjects.expires_on": (WITHHELD, "deployed-staff"),
    "trainer_subjects.reference": (WITHHELD, "deployed-staff"),
    "trainer_unavailable.start": (WITHHELD, "deployed-staff"),
    "trainer_unavailable.end": (WITHHELD, "deployed-staff"),
    "trainer_unavailable.reason": (WITHHELD, "deployed-staff"),
    "trainer_assignments.role": (WITHHELD, "deployed-staff"),
    "trainer_assignments.assigned_at": (WITHHELD, "deployed-staff"),
    "trainer_assignments.assigned_by": (WITHHELD, "deployed-staff"),
    "delivery_cohorts.rank": (PUBLIC, "a rank from data/levels.toml"),
    "delivery_cohorts.unit": (WITHHELD, "force-vulnerabilities"),
    "delivery_cohorts.recorded_at": (PUBLIC, "a timestamp"),
    "delivery_cohorts.recorded_by": (WITHHELD, "deployed-staff"),
    "delivery_results.recorded_at": (PUBLIC, "a timestamp"),
    "delivery_results.recorded_by": (WITHHELD, "deployed-staff"),
    "delivery_evaluations.level": (PUBLIC, "a Kirkpatrick level"),
    "delivery_evaluations.method": (PUBLIC, "how the score was measured"),
    "delivery_evaluations.notes": (WITHHELD, "force-vulnerabilities"),
    "delivery_evaluations.recorded_at": (PUBLIC, "a timestamp"),
    "delivery_evaluations.recorded_by": (WITHHELD, "deployed-staff"),
    "trainer_events.at": (PUBLIC, "a timestamp"),
    "trainer_events.by": (WITHHELD, "deployed-staff"),
    "trainer_events.action": (PUBLIC, "a fixed vocabulary"),
    "trainer_events.details": (WITHHELD, "deployed-staff"),
}

TABLES = ("trainers", "trainer_subjects", "trainer_unavailable", "trainer_assignments",
          "delivery_cohorts", "delivery_results", "delivery_evaluations", "trainer_events")


def is_public(field: str) -> bool:
    return FIELD_CLASSES[field][0] == PUBLIC


def withheld_programmes(store: Store, programme_ids: list[int]) -> set[int]:
    """Programmes holding confidential or counter-terrorism modules (or modules no longer in
    the library): public material names none of their content, not even the title."""
    from catalogue.core.exports.redaction import WITHHELD_DISCIPLINES

    out: set[int] = set()
    marks = ",".join("?" * len(WITHHELD_DISCIPLINES))
    for chunk in range(0, len(programme_ids), 500):
        part = programme_ids[chunk:chunk + 500]
        out |= {r[0] for r in store.query(
            "SELECT DISTINCT pm.programme_id FROM programme_modules pm LEFT JOIN modules m ON "
            f"m.id = pm.module_id WHERE pm.programme_id IN ({','.join('?' * len(part))}) AND "
            f"(m.id IS NULL OR m.sensitivity = 'confidential' OR m.discipline_id IN ({marks}))",
            [*part, *WITHHELD_DISCIPLINES])}
    return out


def public_title(delivery: Delivery, withheld: set[int]) -> str:
    """The programme's title, or a neutral one when it could disclose withheld content."""
    from catalogue.core.exports.redaction import ALWAYS_WITHHELD_TERMS
    from catalogue.core.names import fold

    text = fold(delivery.title)
    if delivery.programme_id in withheld or any(fold(t) in text for t in ALWAYS_WITHHELD_TERMS):
        return f"Programme {delivery.programme_id} (title withheld)"
    return delivery.title
