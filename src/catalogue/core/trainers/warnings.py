"""Why a trainer's assignment to a delivery may be a problem: each warning has an id, a
severity, what is wrong and the source it rests on (a dated register, an Act, the roster).

The tool does not decide: the person assigning reads the reasons and decides.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from catalogue.core.store import Store
from catalogue.core.trainers.deliveries import CANCELLED, Delivery, deliveries_of
from catalogue.core.trainers.model import Trainer

S26_SOURCE = "Police Act 1996, section 26"
ROSTER = "the trainer roster"


@dataclass(frozen=True)
class AssignmentWarning:
    id: str  # double-booking | unavailable | accreditation-missing | accreditation-expired |
    #          outside-disciplines | s26-serving-officer | travel-advice | travel-advice-unrecorded
    #          | no-dates
    severity: str  # "needs-action" | "info"
    why: str
    source: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _other_deliveries(store: Store, trainer_id: int, programme_id: int) -> list[Delivery]:
    ids = [r[0] for r in store.query("SELECT programme_id FROM trainer_assignments WHERE "
                                     "trainer_id = ? AND programme_id != ?",
                                     (trainer_id, programme_id))]
    return [d for d in deliveries_of(store, ids) if d.request_state not in CANCELLED]


def _module_disciplines(store: Store, modules: tuple[str, ...]) -> dict[str, tuple[str, str]]:
    if not modules:
        return {}
    return {r["id"]: (r["discipline_id"], r["title"]) for r in store.query(
        f"SELECT id, discipline_id, title FROM modules WHERE id IN "
        f"({','.join('?' * len(modules))})", list(modules))}


def _listing(modules: list[tuple[str, str]]) -> str:
    shown = [f"{title} ({ident})" for ident, title in modules[:3]]
    more = f" and {len(modules) - 3} more" if len(modules) > 3 else ""
    return ", ".join(shown) + more


def _subject_warnings(store: Store, trainer: Trainer, delivery: Delivery) -> list[AssignmentWarning]:
    """Modules outside the trainer's disciplines, without accreditation, or whose
    accreditation does not cover the delivery dates: one warning per discipline and kind."""
    subjects = {(s.kind, s.subject): s for s in trainer.subjects}
    library = _module_disciplines(store, delivery.modules)
    outside: dict[str, list[tuple[str, str]]] = {}
    missing: dict[str, list[tuple[str, str]]] = {}
    lapsed: dict[str, list[tuple[str, str]]] = {}
    for module in delivery.modules:
        discipline, title = library.get(module, ("unknown", module))
        by_module = subjects.get(("module", module))
        by_discipline = subjects.get(("discipline", discipline))
        if by_module is None and by_discipline is None:
            outside.setdefault(discipline, []).append((module, title))
            continue
        held = [s for s in (by_module, by_discipline) if s is not None and s.accredited_on]
        if not held:
            missing.setdefault(discipline, []).append((module, title))
            continue
        if not delivery.dated:
            continue
        first, last = delivery.start or "", delivery.end or ""
        if not any(s.valid_on(first) and s.valid_on(last) for s in held):
            best = max(held, key=lambda s: s.expires_on or "9999")
            if best.expires_on and best.expires_on < last:
                why = (f"{trainer.name}'s accreditation for {best.title} expires on "
                       f"{best.expires_on}, before the delivery ends on {last}")
            else:
                why = (f"{trainer.name}'s accreditation for {best.title} dates from "
                       f"{best.accredited_on}, after the delivery starts on {first}")
            lapsed.setdefault(why, []).append((module, title))
    out = [AssignmentWarning(
        "outside-disciplines", "needs-action",
        f"{_listing(mods)}: the {discipline} discipline is not among {trainer.name}'s "
        "disciplines or modules", ROSTER) for discipline, mods in outside.items()]
    out += [AssignmentWarning(
        "accreditation-missing", "needs-action",
        f"{trainer.name} has no accreditation recorded for {_listing(mods)} or the "
        f"{discipline} discipline", ROSTER) for discipline, mods in missing.items()]
    out += [AssignmentWarning("accreditation-expired", "needs-action",
                              f"{why} (covers {_listing(mods)})", ROSTER)
            for why, mods in lapsed.items()]
    return out


def _travel_warnings(store: Store, delivery: Delivery) -> list[AssignmentWarning]:
    from catalogue.core.rules.advice import LEVELS, current_advice

    if not delivery.in_country:
        return []
    advice = current_advice(store, delivery.country)
    if advice is None:
        return [AssignmentWarning(
            "travel-advice-unrecorded", "needs-action",
            f"delivery is {delivery.mode} in {delivery.country_name} and no FCDO travel advice "
            "is recorded: check it and record it ('catalogue advice set')",
            "travel-advice register (no entry)")]
    if advice["level"] == "none":
        return []
    where = f" for {advice['part']}" if advice.get("part") else ""
    return [AssignmentWarning(
        "travel-advice", "needs-action",
        f"the FCDO advises {LEVELS[advice['level']].removeprefix('advise ')}{where} in "
        f"{delivery.country_name} (as of {advice['as_of']}); the delivery is {delivery.mode}",
        f"travel-advice register, {advice['origin']} (as of {advice['as_of']})")]


def _s26_warning(store: Store, trainer: Trainer, delivery: Delivery) -> list[AssignmentWarning]:
    if trainer.kind != "serving-officer":
        return []
    ref = None
    if delivery.request_id is not None:
        ref = store.scalar("SELECT s26_reference FROM requests WHERE id = ?",
                           (delivery.request_id,))
    if ref:
        return [AssignmentWarning(
            "s26-serving-officer", "info",
            f"{trainer.name} is a serving officer of {trainer.force}; section 26 authority is "
            f"recorded on request {delivery.request_id} ({ref})", S26_SOURCE)]
    where = (f"request {delivery.request_id} records none" if delivery.request_id
             else "the programme is linked to no request that could record it")
    return [AssignmentWarning(
        "s26-serving-officer", "needs-action",
        f"{trainer.name} is a serving officer of {trainer.force}: overseas assistance by a "
        "force needs its local policing body's approval and the Home Office's consent "
        f"(section 26 of the Police Act 1996); {where}", S26_SOURCE)]


def assignment_warnings(store: Store, trainer: Trainer, delivery: Delivery) -> list[AssignmentWarning]:
    """Everything about this trainer on this delivery that someone should look at."""
    out: list[AssignmentWarning] = []
    if not delivery.dated:
        out.append(AssignmentWarning(
            "no-dates", "needs-action",
            f"programme {delivery.programme_id} has no delivery dates (no start date, or no "
            "modules to give an end), so double booking, unavailability and accreditation "
            "dates cannot be checked", ROSTER))
    else:
        first, last = delivery.start or "", delivery.end or ""
        for other in _other_deliveries(store, trainer.id, delivery.programme_id):
            if other.overlaps(first, last):
                out.append(AssignmentWarning(
                    "double-booking", "needs-action",
                    f"{trainer.name} is also assigned to programme {other.programme_id} "
                    f"({other.title}, {other.country_name}) from {other.start} to {other.end}, "
                    f"overlapping {first}..{last}", ROSTER))
        for period in trainer.unavailable:
            if period.start <= last and period.end >= first:
                out.append(AssignmentWarning(
                    "unavailable", "needs-action",
                    f"{trainer.name} is unavailable {period.start}..{period.end}, during the "
                    f"delivery ({first}..{last})", ROSTER))
    out += _subject_warnings(store, trainer, delivery)
    out += _s26_warning(store, trainer, delivery)
    out += _travel_warnings(store, delivery)
    return out
