"""Everything the app's charts show, in one typed result made by one worker call."""

from __future__ import annotations

from dataclasses import dataclass

from catalogue.core.stats.flow import StateSeries, StepReport, states_over_time, step_report
from catalogue.core.stats.workload import (
    DisciplineLoad,
    RegionYears,
    delivered_by_region,
    discipline_workload,
)
from catalogue.core.store import Store


@dataclass(frozen=True)
class ChartData:
    workload: list[DisciplineLoad]
    delivered_only: bool
    states: StateSeries
    steps: StepReport
    regions: RegionYears


def chart_data(store: Store, *, delivered_only: bool = False, months: int = 24,
               discipline: str | None = None) -> ChartData:
    return ChartData(discipline_workload(store, delivered_only=delivered_only), delivered_only,
                     states_over_time(store, months), step_report(store),
                     delivered_by_region(store, discipline=discipline))
