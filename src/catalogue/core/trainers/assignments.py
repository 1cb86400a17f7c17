"""Assigning trainers to a programme's delivery, and the delivery's team with its warnings.

An assignment is recorded even when it draws warnings (the person assigning decides, with
the reasons in front of them); the warnings are worked out afresh whenever they are shown,
so a new travel-advice entry or a lapsed accreditation shows at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from catalogue.core.dates import stamp
from catalogue.core.errors import InvalidInputError, NotFoundError
from catalogue.core.store import Store
from catalogue.core.trainers import audit
from catalogue.core.trainers.deliveries import Delivery, get_delivery
from catalogue.core.trainers.model import Trainer
from catalogue.core.trainers.roster import get_trainer
from catalogue.core.trainers.warnings import AssignmentWarning, assignment_warnings

ROLES = ("lead", "trainer")


@dataclass(frozen=True)
class TeamMember:
    trainer: Trainer
    role: str
    assigned_at: str
    assigned_by: str
    warnings: tuple[AssignmentWarning, ...]


@dataclass(frozen=True)
class Team:
    delivery: Delivery
    members: tuple[TeamMember, ...]


def parse_role(value: str) -> str:
    role = value.strip().lower()
    if role not in ROLES:
        raise InvalidInputError(f"unknown role {value!r}; choose one of: {', '.join(ROLES)}")
    return role


def assign(store: Store, trainer_id: int, programme_id: int, *, by: str,
           role: str = "trainer") -> TeamMember:
    """Put a trainer on a programme's delivery; returns the assignment with its warnings."""
    if not (by or "").strip():
        raise InvalidInputError("say who made the change", fields=("by",))
    role = parse_role(role)
    trainer = get_trainer(store, trainer_id)
    delivery = get_delivery(store, programme_id)
    at = stamp()
    with store.write() as conn:
        if conn.execute("SELECT 1 FROM trainer_assignments WHERE trainer_id = ? AND "
                        "programme_id = ?", (trainer_id, programme_id)).fetchone():
            raise InvalidInputError(f"{trainer.name} (trainer {trainer_id}) is already assigned "
                                    f"to programme {programme_id}")
        conn.execute("INSERT INTO trainer_assignments (trainer_id, programme_id, role, "
                     "assigned_at, assigned_by) VALUES (?, ?, ?, ?, ?)",
                     (trainer_id, programme_id, role, at, by.strip()))
        warnings = assignment_warnings(store, trainer, delivery)
        audit.record(conn, at=at, by=by.strip(), action="assigned", trainer_id=trainer_id,
                     programme_id=programme_id,
                     details={"role": role, "start": delivery.start, "end": delivery.end,
                              "warnings": [w.id for w in warnings]})
    return TeamMember(trainer, role, at, by.strip(), tuple(warnings))


def unassign(store: Store, trainer_id: int, programme_id: int, *, by: str,
             reason: str | None = None) -> None:
    if not (by or "").strip():
        raise InvalidInputError("say who made the change", fields=("by",))
    at = stamp()
    with store.write() as conn:
        gone = conn.execute("DELETE FROM trainer_assignments WHERE trainer_id = ? AND "
                            "programme_id = ?", (trainer_id, programme_id)).rowcount
        if not gone:
            raise NotFoundError(f"trainer {trainer_id} is not assigned to programme "
                                f"{programme_id}")
        audit.record(conn, at=at, by=by.strip(), action="unassigned", trainer_id=trainer_id,
                     programme_id=programme_id, details={"reason": (reason or "").strip() or None})


def delivery_team(store: Store, programme_id: int) -> Team:
    """The programme's delivery and each assigned trainer with their warnings (lead first)."""
    delivery = get_delivery(store, programme_id)
    members = []
    for row in store.query("SELECT trainer_id, role, assigned_at, assigned_by FROM "
                           "trainer_assignments WHERE programme_id = ? ORDER BY role = 'trainer', "
                           "assigned_at, trainer_id", (programme_id,)):
        trainer = get_trainer(store, row["trainer_id"])
        members.append(TeamMember(trainer, row["role"], row["assigned_at"], row["assigned_by"],
                                  tuple(assignment_warnings(store, trainer, delivery))))
    return Team(delivery, tuple(members))


def trainer_deliveries(store: Store, trainer_id: int) -> list[tuple[Delivery, str]]:
    """A trainer's deliveries (with their role), by start date."""
    from catalogue.core.trainers.deliveries import deliveries_of

    rows = store.query("SELECT programme_id, role FROM trainer_assignments WHERE trainer_id = ?",
                       (trainer_id,))
    roles = {r["programme_id"]: r["role"] for r in rows}
    found = deliveries_of(store, list(roles))
    return sorted(((d, roles[d.programme_id]) for d in found),
                  key=lambda pair: (pair[0].start or "9999", pair[0].programme_id))
