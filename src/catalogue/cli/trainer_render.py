"""Plain-text and JSON forms of trainers, teams and their warnings for the CLI."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

from catalogue.core.names import one_line, paragraph, printable
from catalogue.core.store import Store
from catalogue.core.trainers.assignments import Team, TeamMember, trainer_deliveries
from catalogue.core.trainers.deliveries import Delivery
from catalogue.core.trainers.model import Subject, Trainer


def accreditation_status(subject: Subject, today: date | None = None) -> str:
    now = (today or date.today()).isoformat()
    if not subject.accredited_on:
        return "not accredited"
    if subject.expires_on and subject.expires_on < now:
        return f"EXPIRED {subject.expires_on}"
    until = f"until {subject.expires_on}" if subject.expires_on else "no expiry"
    return f"accredited {subject.accredited_on}, {until}"


def dates(delivery: Delivery) -> str:
    if not delivery.dated:
        return "no dates"
    return f"{delivery.start}..{delivery.end}"


def trainer_dict(store: Store, person: Trainer) -> dict[str, Any]:
    data = asdict(person)
    data["accreditation"] = [accreditation_status(s) for s in person.subjects]
    data["deliveries"] = [{**d._asdict(), "role": role}
                          for d, role in trainer_deliveries(store, person.id)]
    return data


def render_trainer(store: Store, person: Trainer) -> str:
    lines = [f"Trainer {person.id}: {one_line(person.name)}",
             f"  Kind            {one_line(person.kind_label)}",
             f"  Languages       {one_line(', '.join(person.languages)) or '(none recorded)'}"]
    if person.notes:
        lines.append(f"  Notes           {paragraph(person.notes, 18)}")
    lines += ["", "  May deliver:"]
    if not person.subjects:
        lines.append("    (nothing yet: 'catalogue trainer subject' or 'trainer accredit')")
    for s in person.subjects:
        ref = f" [{printable(s.reference)}]" if s.reference else ""
        lines.append(f"    - {s.kind} {s.subject} ({printable(s.title)}): "
                     f"{accreditation_status(s)}{ref}")
    lines += ["", "  Unavailable:"]
    if not person.unavailable:
        lines.append("    (no dates recorded)")
    for u in person.unavailable:
        why = f" ({printable(u.reason)})" if u.reason else ""
        lines.append(f"    #{u.id} {u.start}..{u.end}{why}")
    lines += ["", "  Deliveries:"]
    found = trainer_deliveries(store, person.id)
    if not found:
        lines.append("    (none assigned)")
    for d, role in found:
        lines.append(f"    - programme {d.programme_id} {printable(d.title)}: "
                     f"{printable(d.country_name)}, {d.mode}, {dates(d)} ({role})")
    return "\n".join(lines)


def member_lines(member: TeamMember, indent: str = "") -> list[str]:
    if not member.warnings:
        return [f"{indent}No warnings."]
    lines = []
    for w in member.warnings:
        lines.append(f"{indent}! {w.id} ({w.severity}): {printable(w.why)}")
        lines.append(f"{indent}    source: {w.source}")
    return lines


def team_dict(team: Team) -> dict[str, Any]:
    return {"delivery": team.delivery._asdict(),
            "trainers": [{"id": m.trainer.id, "name": m.trainer.name, "kind": m.trainer.kind,
                          "force": m.trainer.force, "role": m.role,
                          "assigned_at": m.assigned_at, "assigned_by": m.assigned_by,
                          "warnings": [w.to_dict() for w in m.warnings]}
                         for m in team.members]}


def render_team(team: Team) -> str:
    d = team.delivery
    lines = [f"Programme {d.programme_id}: {printable(d.title)}",
             f"  Delivery        {printable(d.country_name)}, {d.mode}",
             f"  Dates           {dates(d)} (from {d.dates_from})", "", "  Trainers:"]
    if not team.members:
        lines.append("    (none assigned: 'catalogue trainer assign TRAINER "
                     f"{d.programme_id}')")
    for m in team.members:
        lines.append(f"    - {printable(m.trainer.name)} (trainer {m.trainer.id}, "
                     f"{printable(m.trainer.kind_label)}, {m.role})")
        lines += member_lines(m, indent="        ")
    return "\n".join(lines)
