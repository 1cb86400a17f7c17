"""One programme as an IATI activity, built from its PUBLIC version only.

Title, description, dates and sectors come from the redacted outline (core/exports/redaction.py):
withheld modules, costs, notes and exact in-country dates never reach it. What is not in the
public outline and is added here is coarse and chosen in data: the activity status (the
linked request's state through ``[activity-status]`` of ``data/iati.toml``), the DAC sector
codes (``data/dac-sectors.toml``) and, only when the organisation has chosen to report it,
the cost estimate as an indicative budget.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from catalogue.core.counting import plural
from catalogue.core.errors import RefusedError
from catalogue.core.exports.public_approval import WITHHELD_TEXT
from catalogue.core.exports.wording import MODE_LABELS
from catalogue.core.iati.settings import IatiSettings, require_reporting_org
from catalogue.core.store import Store

if TYPE_CHECKING:
    from catalogue.core.programmes.outline import ProgrammeOutline

PLANNED_START, ACTUAL_START, PLANNED_END, ACTUAL_END = "1", "2", "3", "4"
MONTH_ONLY = "Month only: the exact dates are withheld."
AS_SCHEDULED = "The dates the delivery was scheduled for; no separate actual dates are recorded."


@dataclass(frozen=True)
class ActivityDate:
    type: str
    iso: str
    note: str | None = None


@dataclass(frozen=True)
class Sector:
    code: str
    name: str
    percentage: str  # two decimals, the activity's shares add up to 100


@dataclass(frozen=True)
class Budget:
    start: str
    end: str
    value: str
    currency: str


@dataclass(frozen=True)
class Activity:
    programme_id: int
    identifier: str
    title: str
    description: str
    status: str
    status_name: str
    country: str
    dates: list[ActivityDate]
    sectors: list[Sector]
    budget: Budget | None
    budget_not_provided: str | None
    notes: list[str] = field(default_factory=list)


def _month_bounds(text: str, *, end: bool) -> tuple[str, bool]:
    """(an ISO date, month-only?) for ``YYYY-MM-DD`` or a public ``YYYY-MM``."""
    if len(text) == 10:
        return text, False
    year, month = int(text[:4]), int(text[5:7])
    day = calendar.monthrange(year, month)[1] if end else 1
    return date(year, month, day).isoformat(), True


#: Codes IATI's Country codelist has beyond ISO 3166-1 (pycountry's list): Kosovo.
EXTRA_COUNTRY_CODES = ("XK",)


def _recipient_country(programme_id: int, country: dict[str, Any]) -> str:
    """The programme's country, if IATI's Country codelist has it (not, e.g., the EU)."""
    import pycountry

    code = str(country["code"])
    if code not in EXTRA_COUNTRY_CODES and pycountry.countries.get(alpha_2=code) is None:
        raise RefusedError(f"programme {programme_id} is for {country['name']} ({code}), which "
                           "is not a country in IATI's Country codelist; IATI reports a "
                           "recipient country")
    return code


def _request_state(store: Store, programme_id: int) -> tuple[str | None, str]:
    """The linked request's state (None: no request) and the programme's own first day (to
    tell whether a scheduled programme has started; the day itself is not reported)."""
    row = store.one("SELECT r.state, p.start_date FROM programmes p LEFT JOIN requests r "
                    "ON r.id = p.request_id WHERE p.id = ?", (programme_id,))
    if row is None:
        return None, ""
    return (str(row["state"]) if row["state"] else None), str(row["start_date"] or "")


def _status_key(state: str | None, start: str, today: date) -> str:
    if state is None:
        return "no-request"
    if state == "scheduled" and start <= today.isoformat():
        return "scheduled-and-started"
    return state


def _sectors(settings: IatiSettings, modules: list[dict[str, Any]]) -> list[Sector]:
    """Public hours per discipline, split by the file's shares, as percentages adding to 100."""
    hours: dict[str, float] = {}
    for module in modules:
        for share in settings.sectors.get(module["discipline_id"], []):
            hours[share.code] = hours.get(share.code, 0.0) + module["hours"] * share.share / 100
    total = sum(hours.values())
    if total <= 0:
        return []
    cents = {code: round(value * 10000 / total) for code, value in hours.items()}
    largest = max(cents, key=lambda c: (cents[c], c))
    cents[largest] += 10000 - sum(cents.values())
    return [Sector(code, settings.sector_names[code], f"{cents[code] / 100:.2f}")
            for code in sorted(cents, key=lambda c: (-cents[c], c))]


def _description(public: ProgrammeOutline) -> str:
    notes = (public["programme"].get("notes") or "").strip()
    if notes and notes != WITHHELD_TEXT:
        return notes
    rows = [r for r in public["days_by_discipline"] if r["id"] is not None]
    topics = ", ".join(r["title"] for r in rows)
    mode = MODE_LABELS.get(public["programme"]["delivery_mode"], "")
    count = len(public["modules"])
    return (f"Police training for {public['programme']['country']['name']}, delivered {mode}: "
            f"{plural(count, 'training module')} in {topics}.")


def build_activity(store: Store, settings: IatiSettings, programme_id: int, *,
                   today: date | None = None) -> Activity:
    """The activity for one programme; RefusedError when IATI cannot describe it."""
    from catalogue.core.exports.render import export_outline

    org = require_reporting_org(settings)
    public = export_outline(store, programme_id, redact=True)
    programme = public["programme"]
    if not programme.get("start_date"):
        raise RefusedError(f"programme {programme_id} has no start date; IATI needs a planned "
                           "start date: set the programme's first training day",
                           fields=("start_date",))
    if not programme.get("end_date"):
        raise RefusedError(f"programme {programme_id} has no modules, so no end date; IATI "
                           "needs a planned end date")
    sectors = _sectors(settings, public["modules"])
    if not sectors:
        raise RefusedError(f"programme {programme_id} has no public training content with a "
                           "DAC sector (data/dac-sectors.toml); IATI reports a sector for each "
                           "activity")
    start, start_month = _month_bounds(programme["start_date"], end=False)
    end, end_month = _month_bounds(programme["end_date"], end=True)
    state, first_day = _request_state(store, programme_id)
    key = _status_key(state, first_day or start, today or date.today())
    status = settings.status[key]
    planned_note = MONTH_ONLY if start_month or end_month else None
    dates = [ActivityDate(PLANNED_START, start, planned_note),
             ActivityDate(PLANNED_END, end, planned_note)]
    if key in ("scheduled-and-started", "delivered"):
        note = AS_SCHEDULED + (" " + MONTH_ONLY if planned_note else "")
        dates.insert(1, ActivityDate(ACTUAL_START, start, note))
        if key == "delivered":
            dates.append(ActivityDate(ACTUAL_END, end, note))
    notes: list[str] = []
    budget, not_provided = None, None
    if settings.budget_report == "estimate":
        budget = _budget(store, programme_id, start, end)
        if budget is None:
            notes.append("no budget: the programme has no cost estimate (set its trainers)")
    else:
        not_provided = settings.not_provided
        name = settings.codelists["BudgetNotProvided"][not_provided]
        notes.append(f"budget withheld: budget-not-provided {not_provided} ({name})")
    identifier = f"{org.ref}-{settings.activity_id.replace('{id}', str(programme_id))}"
    return Activity(programme_id=programme_id, identifier=identifier,
                    title=programme["title"], description=_description(public),
                    status=status, status_name=settings.codelists["ActivityStatus"][status],
                    country=_recipient_country(programme_id, programme["country"]),
                    dates=dates, sectors=sectors,
                    budget=budget, budget_not_provided=not_provided, notes=notes)


def _budget(store: Store, programme_id: int, start: str, end: str) -> Budget | None:
    """The cost estimate as an indicative budget (only when data/iati.toml reports it)."""
    from catalogue.core.programmes.outline import build_outline

    costing = build_outline(store, programme_id)["costing"]
    if not costing:
        return None
    return Budget(start=start, end=end, value=f"{costing['total']:.2f}",
                  currency=costing["currency"])
