"""Every migration step, in order. Features add their own module's STEPS here.

``NAMES`` lists the steps' names without importing the modules that define them: opening the
store (the quick lookup's path) only needs to know whether the database has every step, and
importing every feature's schema module for that cost more than the lookup itself. A test
checks that ``NAMES`` is exactly the names of :func:`all_steps`, in order; add a new step's
name there when you add the step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

NAMES: tuple[str, ...] = (
    "m001_meta",
    "m_advice_001_travel_advice",
    "m_requests_001_register",
    "m_requests_003_logins",
    "m_requests_004_audit_chain",
    "m_requests_005_state_changes_index",
    "m_requests_006_funder_partners",
    "programmes_001_tables",
    "programmes_002_fts_prefix",
    "programmes_003_module_programme_index",
    "programmes_004_public_title",
    "trainers_001_roster",
    "trainers_002_delivery_spans",
    "trainers_003_logins",
    "m_facets_001_country_state_index",
    "m_osja_001_records",
)


def all_steps() -> list[Callable[[Any], None]]:
    from catalogue.core import facets_schema, meta_schema
    from catalogue.core.osja import schema as osja_schema
    from catalogue.core.programmes import schema as programme_schema
    from catalogue.core.requests import schema as request_schema
    from catalogue.core.rules import advice_schema
    from catalogue.core.trainers import schema as trainer_schema

    return [*meta_schema.STEPS, *advice_schema.STEPS, *request_schema.STEPS,
            *programme_schema.STEPS, *trainer_schema.STEPS, *facets_schema.STEPS,
            *osja_schema.STEPS]
