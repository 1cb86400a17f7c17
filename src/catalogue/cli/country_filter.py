"""The country filter options shared by ``catalogue countries`` and ``catalogue facets``."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import click

from catalogue.cli.blank import refuse_blank
from catalogue.core.countries import CountryFilter


def country_filter_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Add the region, area, assisted, priority and search options; the command receives
    them as one ``flt`` (a :class:`CountryFilter`)."""

    @click.option("--region", callback=refuse_blank,
                  help="UN M49 region, e.g. Africa, Americas, Asia, Europe, Oceania.")
    @click.option("--subregion", callback=refuse_blank,
                  help="UN M49 sub-region, e.g. 'Sub-Saharan Africa'.")
    @click.option("--intermediate", callback=refuse_blank,
                  help="UN M49 intermediate region, e.g. 'Eastern Africa'.")
    @click.option("--area", callback=refuse_blank,
                  help="Liaison area (the organisation's own grouping), by name or id.")
    @click.option("--assisted/--all", "assisted_only", default=True, show_default=True,
                  help="Only the countries assisted, or every ISO country.")
    @click.option("--priority", "priority_only", is_flag=True,
                  help="Only human-rights priority countries (latest FCDO list).")
    @click.option("--search", callback=refuse_blank,
                  help="Words to find in any name or alias (prefixes work: 'kor').")
    @functools.wraps(func)
    def wrapper(*args: Any, region: str | None, subregion: str | None,
                intermediate: str | None, area: str | None, assisted_only: bool,
                priority_only: bool, search: str | None, **kwargs: Any) -> Any:
        flt = CountryFilter(region=region, subregion=subregion, intermediate=intermediate,
                            area=area, assisted_only=assisted_only, search=search,
                            hr_priority_only=priority_only)
        return func(*args, flt=flt, **kwargs)

    return wrapper
