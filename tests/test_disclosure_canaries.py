"""A unique canary in every stored text field an export can draw on, checked in every format.

The fields and their classes come from core/disclosure.py: a withheld field's canary (and a
public-when-marked field's canary on a row that is not marked public) must appear in no
redacted export; the public fields' canaries must appear, so the test shows it wrote them.
A table with text fields that is neither written here nor listed as never exported fails.
"""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import pytest

from catalogue.core import disclosure
from catalogue.core.exports.render import export_outline, outline_document, render
from catalogue.core.requests.register import link_programme
from catalogue.core.store import Store
from programme_helpers import make_programme
from request_helpers import new_request

FORMATS = ("md", "json", "csv", "docx")
PUBLIC_MODULE = "cmd-decision-logs"
HIDDEN_MODULES = ("pss-security-coordination-link", "ct-prevent")  # confidential, CT
#: Tables whose rows no programme export reads (checked: they are listed, not forgotten).
NEVER_EXPORTED = {"_meta", "_sqlite_migrations", "costing", "policy", "ipab_form", "country_names",
                  "country_search", "liaison_areas", "hr_priority_lists",
                  "hr_priority_entries", "ethics", "principles", "levels", "countries",
                  # Trainer tables are in no programme export; the .ics feed, the one public
                  # output that reads them, has its canary test in test_trainers_calendar.py.
                  "trainers", "trainer_subjects", "trainer_unavailable", "trainer_assignments",
                  "delivery_cohorts", "delivery_results", "delivery_evaluations",
                  "trainer_events", "workflow_targets",
                  # OSJA assessment versions are in no programme export (their own document,
                  # catalogue osja export, is internal and marked, never public); the dated
                  # lists and the question set are public data shown only through the facts
                  # and prompts.
                  "osja_assessments", "osja_answers", "osja", "death_penalty",
                  "sanctions_regimes", "sensitivity_levels",
                  # Public settings IATI files publish (tests/test_iati_disclosure.py).
                  "iati_settings"}
WRITTEN = ("programmes", "programme_modules", "requests", "request_events", "travel_advice",
           "travel_advice_data", "modules", "disciplines", "osja_incidents", "conflict_register")


def canary(table: str, column: str, row: str = "") -> str:
    return f"CANARY{table}{column}{row}".replace("_", "").replace("-", "").upper()


def _free_text(table: str) -> list[tuple[str, disclosure.Field]]:
    return [(c, f) for c, f in disclosure.FIELDS[table].items()
            if f.kind in (disclosure.TEXT, disclosure.LIST)]


def _value(field: disclosure.Field, text: str) -> str:
    return json.dumps([text]) if field.kind == disclosure.LIST else text


def _write_row(store: Store, table: str, where: str, params: tuple[Any, ...], row: str) -> None:
    for column, field in _free_text(table):
        store.conn.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE {where}',
                           (_value(field, canary(table, column, row)), *params))


@pytest.fixture
def planted(store: Store) -> tuple[Store, int, set[str], set[str]]:
    """A programme with a public, a confidential and a CT module, linked to a request, with
    travel advice for its country; every free-text field of all of them holds a canary.
    Returns (store, programme id, canaries that must not leak, canaries that must show)."""
    pid = make_programme(store, [PUBLIC_MODULE, *HIDDEN_MODULES], delivery_mode="blended",
                         start_date="2027-03-01", trainers=2)
    request = new_request(store, "KE", location="in-country", audience=["inspector"])
    link_programme(store, request.id, pid, by="tester")
    store.conn.execute("INSERT OR REPLACE INTO travel_advice (code, level, as_of, set_by, "
                       "set_at) VALUES ('KE', 'against-all-but-essential', '2026-11-20', "
                       "'tester', '2026-11-20T00:00:00')")
    store.conn.execute("INSERT OR REPLACE INTO travel_advice_data (code, level, as_of) "
                       "VALUES ('KE', 'against-all-but-essential', '2026-11-20')")
    store.conn.execute("INSERT INTO request_events (request_id, at, by, action) "
                       "VALUES (?, '2026-11-20T00:00:00', 'x', 'note')", (request.id,))
    secret: set[str] = set()
    shown: set[str] = set()

    def sort(table: str, marked_public: bool, row: str = "") -> None:
        for column, field in _free_text(table):
            text = canary(table, column, row)
            if field.cls == disclosure.WITHHELD or (field.cls == disclosure.WHEN_MARKED
                                                   and not marked_public):
                secret.add(text)
            else:
                shown.add(text)

    _write_row(store, "programmes", "id = ?", (pid,), "")
    sort("programmes", True)
    for module in (PUBLIC_MODULE, *HIDDEN_MODULES):
        _write_row(store, "programme_modules", "programme_id = ? AND module_id = ?",
                   (pid, module), module)
        sort("programme_modules", module == PUBLIC_MODULE, module)
        _write_row(store, "modules", "id = ?", (module,), module)
        sort("modules", module == PUBLIC_MODULE, module)
    for discipline in ("command", "counter-terrorism"):
        _write_row(store, "disciplines", "id = ?", (discipline,), discipline)
        sort("disciplines", discipline == "command", discipline)
    for table in ("requests", "request_events"):
        key = "id" if table == "requests" else "request_id"
        _write_row(store, table, f"{key} = ?", (request.id,), "") if table == "requests" else \
            store.conn.execute("INSERT INTO request_events (request_id, at, by, action, note, "
                               "details) VALUES (?, 'now', ?, 'note', ?, ?)",
                               (request.id, canary(table, "by"), canary(table, "note"),
                                json.dumps({"x": canary(table, "details")})))
        sort(table, False)
    store.conn.execute("UPDATE requests SET ethics_concerns = ?, audience = ? WHERE id = ?",
                       (json.dumps([canary("requests", "ethics_concerns")]),
                        json.dumps(["inspector", canary("requests", "audience")]), request.id))
    for table in ("travel_advice", "travel_advice_data"):
        _write_row(store, table, "code = 'KE'", (), "")
        sort(table, True)
    # The OSJA registers of the programme's country: its risk facts quote them.
    store.conn.execute("INSERT INTO osja_incidents (code, occurred_on, note, recorded_by, "
                       "recorded_at) VALUES ('KE', '2026-11-20', ?, ?, 'x')",
                       (canary("osja_incidents", "note"), canary("osja_incidents", "recorded_by")))
    store.conn.execute("INSERT INTO conflict_register (code, part, as_of, note, set_by, set_at) "
                       "VALUES ('KE', 'x', '2026-11-20', 'x', 'x', 'x')")
    _write_row(store, "conflict_register", "code = 'KE'", (), "")
    for table in ("osja_incidents", "conflict_register"):
        sort(table, True)
    store.conn.commit()
    # The request's free text that no export draws on cannot show; the rest must.
    shown -= {canary("programmes", "title")}
    shown = {s for s in shown if not s.startswith(("CANARYREQUEST", "CANARYTRAVEL",
                                                  "CANARYDISCIPLINESDESCRIPTION",
                                                  # why a level was chosen: on the cards,
                                                  # in no programme export
                                                  "CANARYDISCIPLINESSENSITIVITYBASIS",
                                                  "CANARYMODULESSENSITIVITYBASIS",
                                                  # why modules are standard: in the
                                                  # module picker, in no programme export
                                                  "CANARYDISCIPLINESSTANDARDBASIS"))}
    return store, pid, secret, shown


def _texts(store: Store, pid: int, redact: bool) -> dict[str, str]:
    outline = export_outline(store, pid, redact=redact)
    texts = {}
    for fmt in FORMATS:
        data = render(outline, fmt, outline_document(store, outline))
        if fmt == "docx":
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                texts[fmt] = "\n".join(archive.read(name).decode("utf-8", "replace")
                                       for name in archive.namelist())
        else:
            texts[fmt] = data.decode("utf-8")
    return texts


def test_every_text_table_is_planted_or_never_exported() -> None:
    with_text = {t for t in disclosure.FIELDS if _free_text(t)}
    assert sorted(with_text - set(WRITTEN) - NEVER_EXPORTED) == []


def test_no_withheld_canary_reaches_any_redacted_format(planted) -> None:  # type: ignore[no-untyped-def]
    store, pid, secret, shown = planted
    for fmt, text in _texts(store, pid, redact=True).items():
        upper = text.upper()
        leaked = sorted(c for c in secret if c in upper)
        assert leaked == [], f"redacted {fmt} leaks {leaked}"
        if fmt != "csv":  # the CSV holds only the module rows
            missing = sorted(c for c in shown if c not in upper
                             and not c.startswith("CANARYPROGRAMMEMODULES"))
            assert missing == [], f"redacted {fmt} lost public fields {missing}"


def test_the_unredacted_export_carries_the_withheld_canaries(planted) -> None:  # type: ignore[no-untyped-def]
    """The canaries were really written where exports read them (the test can fail)."""
    store, pid, secret, _ = planted
    text = _texts(store, pid, redact=False)["json"].upper()
    reaching = {canary("programmes", c) for c in ("title", "language_notes",
                                                  "vulnerability_notes", "commercial_terms")}
    reaching |= {canary("requests", "ethics_concerns"), canary("travel_advice", "part"),
                 canary("modules", "title", HIDDEN_MODULES[0])}
    assert sorted(c for c in reaching if c not in text) == []
    assert reaching <= secret


def test_redacted_json_drops_internal_facts(planted) -> None:  # type: ignore[no-untyped-def]
    store, pid, _, _ = planted
    public = json.loads(_texts(store, pid, redact=True)["json"])
    assert all("facts" not in flag for flag in public["approval"]["flags"])
    assert public["programme"]["request_id"] is None
    assert public["sensitivity"] is None and "sensitivity" not in public["approval"]
    markdown = _texts(store, pid, redact=True)["md"]
    assert "Sensitivity" not in markdown and "Linked request" not in markdown
    assert "confidential" not in markdown.split("## Modules")[0].lower()
