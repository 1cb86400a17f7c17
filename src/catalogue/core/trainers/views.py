"""What the app's roster and calendar screens show, as typed data (one call per worker)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from catalogue.core.store import Store
from catalogue.core.trainers.assignments import trainer_deliveries
from catalogue.core.trainers.audit import TrainerEvent, recent_changes
from catalogue.core.trainers.deliveries import Delivery, get_delivery
from catalogue.core.trainers.model import Trainer
from catalogue.core.trainers.roster import get_trainer
from catalogue.core.trainers.warnings import AssignmentWarning, assignment_warnings


@dataclass(frozen=True)
class TrainerDelivery:
    delivery: Delivery
    role: str
    warnings: tuple[AssignmentWarning, ...]


@dataclass(frozen=True)
class TrainerDetail:
    trainer: Trainer
    deliveries: tuple[TrainerDelivery, ...]  # upcoming and running first, then past
    today: str
    changes: tuple[TrainerEvent, ...] = ()  # the latest audit rows, newest first
    change_count: int = 0  # all of them (catalogue trainer history N)


def trainer_detail(store: Store, trainer_id: int, *, today: date | None = None) -> TrainerDetail:
    """A trainer with each of their deliveries and its warnings (worked out now)."""
    person = get_trainer(store, trainer_id)
    now = (today or date.today()).isoformat()
    found = []
    for delivery, role in trainer_deliveries(store, trainer_id):
        full = get_delivery(store, delivery.programme_id)  # with its modules
        found.append(TrainerDelivery(full, role,
                                     tuple(assignment_warnings(store, person, full))))
    current = [d for d in found if (d.delivery.end or "9999") >= now]
    past = [d for d in found if (d.delivery.end or "9999") < now]
    changes, count = recent_changes(store, trainer_id)
    return TrainerDetail(person, tuple(current + past[::-1]), now, tuple(changes), count)
