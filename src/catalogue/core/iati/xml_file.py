"""Activities to an IATI 2.03 ``iati-activities`` document (lxml), checked against the
official 2.03 activity schema vendored in ``data/iati-schema/`` before anything is written."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache
from typing import TYPE_CHECKING

from catalogue.core.errors import OutputError
from catalogue.core.iati.activity import Activity
from catalogue.core.iati.settings import IatiSettings

if TYPE_CHECKING:
    from lxml import etree

VERSION = "2.03"
SCHEMA = f"iati-schema/{VERSION}/iati-activities-schema.xsd"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SECTOR_VOCABULARY = "1"  # OECD DAC CRS Purpose Codes (5 digit)
IMPLEMENTING = "4"  # OrganisationRole
ORIGINAL, INDICATIVE = "1", "1"  # BudgetType, BudgetStatus
GENERAL = "1"  # DescriptionType


@cache
def activity_schema() -> etree.XMLSchema:
    from lxml import etree

    from catalogue.core.data.location import shipped_data_dir

    return etree.XMLSchema(etree.parse(str(shipped_data_dir() / SCHEMA)))


def _narrative(parent: etree._Element, text: str) -> None:
    from lxml import etree

    etree.SubElement(parent, "narrative").text = text


def _activity(root: etree._Element, settings: IatiSettings, item: Activity) -> None:
    from lxml import etree

    org = settings.org
    sub = etree.SubElement
    attrs = {XML_LANG: settings.language, "hierarchy": "1"}
    if item.budget is not None:
        attrs["default-currency"] = item.budget.currency
    if item.budget_not_provided is not None:
        attrs["budget-not-provided"] = item.budget_not_provided
    activity = sub(root, "iati-activity", attrs)
    sub(activity, "iati-identifier").text = item.identifier
    _narrative(sub(activity, "reporting-org", ref=org.ref, type=org.type), org.name)
    _narrative(sub(activity, "title"), item.title)
    _narrative(sub(activity, "description", type=GENERAL), item.description)
    _narrative(sub(activity, "participating-org", ref=org.ref, role=IMPLEMENTING, type=org.type),
               org.name)
    sub(activity, "activity-status", code=item.status)
    for when in item.dates:
        element = sub(activity, "activity-date", {"iso-date": when.iso, "type": when.type})
        if when.note:
            _narrative(element, when.note)
    sub(activity, "recipient-country", code=item.country, percentage="100")
    for sector in item.sectors:
        _narrative(sub(activity, "sector", vocabulary=SECTOR_VOCABULARY, code=sector.code,
                       percentage=sector.percentage), sector.name)
    if item.budget is not None:
        budget = sub(activity, "budget", type=ORIGINAL, status=INDICATIVE)
        sub(budget, "period-start", {"iso-date": item.budget.start})
        sub(budget, "period-end", {"iso-date": item.budget.end})
        sub(budget, "value", {"currency": item.budget.currency,
                              "value-date": item.budget.start}).text = item.budget.value


def iati_document(settings: IatiSettings, activities: list[Activity], *,
                  generated: datetime | None = None) -> bytes:
    """The ``iati-activities`` file, UTF-8, validated; OutputError if it would not be valid."""
    from lxml import etree

    moment = (generated or datetime.now(UTC)).replace(microsecond=0)
    root = etree.Element("iati-activities", {"version": VERSION,
                                             "generated-datetime": moment.isoformat()})
    for item in activities:
        _activity(root, settings, item)
    schema = activity_schema()
    if not schema.validate(root):
        error = schema.error_log.last_error
        raise OutputError(f"the IATI file would not be valid against the {VERSION} schema "
                          f"(line {error.line}: {error.message}); nothing was written")
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                 pretty_print=True)
    return data
