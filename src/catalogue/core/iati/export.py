"""What both faces call: one programme, or every delivered one, as an IATI file."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from catalogue.core.errors import NotFoundError, RefusedError
from catalogue.core.iati.activity import Activity, build_activity
from catalogue.core.iati.settings import IatiSettings, require_reporting_org, stored_settings
from catalogue.core.store import Store


@dataclass(frozen=True)
class Skipped:
    programme_id: int
    reason: str


@dataclass
class IatiExport:
    """An IATI file's bytes and what went into it."""

    data: bytes
    activities: list[Activity]
    skipped: list[Skipped] = field(default_factory=list)
    path: Path | None = None
    #: The dated lists the codes come from, to show where they are used (in full, and short).
    sources: list[str] = field(default_factory=list)
    dates: str = ""


def _sources(settings: IatiSettings) -> list[str]:
    src = settings.sectors_source
    return [f"Activity status and budget codes: {settings.codelists_source}",
            f"DAC sector codes: {src['title']} ({src['publisher']}, updated {src['updated']}); "
            "which code each discipline is reported under is the organisation's own judgement "
            "(data/dac-sectors.toml)"]


def _dates(settings: IatiSettings) -> str:
    return (f"Codes: IATI 2.03 codelists ({settings.codelists_updated}); DAC purpose codes "
            f"(updated {settings.sectors_source['updated']})")


def delivered_programmes(store: Store) -> list[int]:
    """Programmes whose linked request is delivered, by number."""
    rows = store.query("SELECT p.id FROM programmes p JOIN requests r ON r.id = p.request_id "
                       "WHERE r.state = 'delivered' ORDER BY p.id")
    return [int(r["id"]) for r in rows]


def export_iati(store: Store, programme_id: int | None = None, *, delivered: bool = False,
                today: date | None = None) -> IatiExport:
    """One programme (``programme_id``) or every delivered one (``delivered``).

    A delivered programme IATI cannot describe (no dates, no public content with a sector)
    is left out and listed in ``skipped``; with none left, NotFoundError.
    """
    from catalogue.core.iati.xml_file import iati_document

    if (programme_id is None) == (not delivered):
        raise ValueError("give a programme or delivered=True, not both")
    settings = stored_settings(store)
    require_reporting_org(settings)
    if programme_id is not None:
        activities = [build_activity(store, settings, programme_id, today=today)]
        return IatiExport(iati_document(settings, activities), activities,
                          sources=_sources(settings), dates=_dates(settings))
    activities, skipped = [], []
    ids = delivered_programmes(store)
    for pid in ids:
        try:
            activities.append(build_activity(store, settings, pid, today=today))
        except RefusedError as exc:
            skipped.append(Skipped(pid, str(exc)))
    if not activities:
        why = (f"; {len(skipped)} could not be reported: {skipped[0].reason}" if skipped
               else "")
        raise NotFoundError(f"no delivered programme to report to IATI (a programme counts "
                            f"when its linked request is delivered){why}")
    return IatiExport(iati_document(settings, activities), activities, skipped,
                      sources=_sources(settings), dates=_dates(settings))


def save_iati(store: Store, path: Path | str, programme_id: int | None = None, *,
              delivered: bool = False, force: bool = False,
              today: date | None = None) -> IatiExport:
    """Write the file atomically; refuses an existing file unless ``force`` (checked first)."""
    from catalogue.core.exports.atomic import check_target, write_atomic
    from catalogue.core.exports.suffixes import check_suffix

    check_suffix(path, "iati")
    check_target(Path(path), force)
    result = export_iati(store, programme_id, delivered=delivered, today=today)
    result.path = write_atomic(Path(path), result.data, force=force)
    return result
