"""The migration steps' names, generated from the registry in migration_steps.py:
do not edit; run ``python -m catalogue.core.migration_steps`` after adding a step."""

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
