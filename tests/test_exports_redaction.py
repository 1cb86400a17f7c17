"""Redacted (public) exports: canary strings in everything confidential must not appear
anywhere in any format, while the unredacted exports carry every one of them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from catalogue.core.catalog import get_module
from catalogue.core.data.location import data_dir
from catalogue.core.exports.redaction import disclosure_reasons, redact
from catalogue.core.exports.render import export_outline, outline_document, render
from catalogue.core.programmes import changes
from catalogue.core.programmes.outline import build_outline
from catalogue.core.store import Store, open_store
from programme_helpers import all_strings, docx_text, make_programme

CT_NOTE = "CANARY-CT-MODULE-NOTE-7731"
CONFIDENTIAL_NOTE = "CANARY-CONFIDENTIAL-NOTE-4409"
VULNERABILITY = "CANARY-VULNERABILITY-5521"
COMMERCIAL = "CANARY-COMMERCIAL-TERMS-6610"
CURRENCY = "XQZ"  # a currency code used only by this test's rates: a canary for every cost
DAY_RATE = "4,321"
PUBLIC_NOTE = "PUBLIC-NOTE-STAYS-3300"


@pytest.fixture
def secret_store(db_path: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    """The test database reseeded from data whose rates carry canary values."""
    root = tmp_path / "data"
    shutil.copytree(data_dir(), root)
    rates = (root / "costing.toml").read_text(encoding="utf-8")
    rates = rates.replace('currency = "GBP"', f'currency = "{CURRENCY}"')
    rates = rates.replace("day_rate = 650", "day_rate = 4321")
    (root / "costing.toml").write_text(rates, encoding="utf-8")
    store = open_store(db_path, data_root=root)
    yield store
    store.close()


def _library_canaries(store: Store) -> list[str]:
    """Titles, summaries and outcomes of the counter-terrorism and confidential modules."""
    texts: list[str] = []
    for module_id in ("ct-contest-four-ps", "ct-prevent", "pss-security-coordination-link"):
        module = get_module(store, module_id)
        texts += [module_id, module["title"], module["summary"], *module["outcomes"]]
        if module["note"]:
            texts.append(module["note"])
    return texts


@pytest.fixture
def secret_programme(secret_store: Store) -> int:
    store = secret_store
    title = get_module(store, "ct-prevent")["title"]
    return make_programme(
        store,
        ["ct-contest-four-ps", ("ct-prevent", 10, CT_NOTE), "cmd-national-decision-model",
         ("pss-security-coordination-link", None, CONFIDENTIAL_NOTE),
         ("cmd-decision-logs", None, PUBLIC_NOTE), "pss-polsa-role-and-planning"],
        title="Kenya public-safety course", start_date="2026-05-04", delivery_mode="blended",
        trainers=2, vulnerability_notes=VULNERABILITY, commercial_terms=COMMERCIAL,
        notes=f"Builds on '{title}' from last year")


def _exports(store: Store, programme_id: int, redact_it: bool) -> dict[str, str]:
    outline = export_outline(store, programme_id, redact=redact_it)
    document = outline_document(store, outline)
    texts = {fmt: render(outline, fmt, document).decode("utf-8") for fmt in ("md", "json", "csv")}
    texts["docx"] = docx_text(render(outline, "docx", document))
    return texts


def _canaries(store: Store) -> list[str]:
    return [CT_NOTE, CONFIDENTIAL_NOTE, VULNERABILITY, COMMERCIAL, CURRENCY, DAY_RATE,
            "2026-05-04", "counter-terror", *_library_canaries(store)]


def test_no_canary_appears_in_any_redacted_format(secret_store, secret_programme) -> None:  # type: ignore[no-untyped-def]
    exports = _exports(secret_store, secret_programme, redact_it=True)
    for fmt, text in exports.items():
        lowered = text.lower()
        leaked = [c for c in _canaries(secret_store) if c.lower() in lowered]
        assert leaked == [], f"{fmt} export leaks {leaked}"
        assert PUBLIC_NOTE in text, f"{fmt} export over-redacts a public module's notes"


def test_unredacted_exports_carry_every_canary(secret_store, secret_programme) -> None:  # type: ignore[no-untyped-def]
    exports = _exports(secret_store, secret_programme, redact_it=False)
    module_level = [CT_NOTE, CONFIDENTIAL_NOTE, *_library_canaries(secret_store)]
    for fmt in ("md", "json", "docx"):
        missing = [c for c in _canaries(secret_store) if c.lower() not in exports[fmt].lower()]
        assert missing == [], f"{fmt} export is missing {missing}"
    csv_text = exports["csv"].lower()
    assert [c for c in module_level if c.lower() not in csv_text] == []


def test_the_redacted_outline_says_what_was_withheld(secret_store, secret_programme) -> None:  # type: ignore[no-untyped-def]
    store = secret_store
    outline = build_outline(store, secret_programme)
    public = redact(outline, disclosure_reasons(store))
    assert outline["modules"][0]["id"] == "ct-contest-four-ps"  # the original is untouched
    assert [m["id"] for m in public["modules"]] == [
        "cmd-national-decision-model", "cmd-decision-logs", "pss-polsa-role-and-planning"]
    assert [m["position"] for m in public["modules"]] == [1, 2, 3]
    categories = [w["category"] for w in public["withheld"]]
    assert set(categories) == {"confidential-content", "commercial-terms",
                               "force-vulnerabilities", "deployed-staff"}
    assert public["withheld"][0]["what"].startswith("3 modules with confidential content")
    assert all(w["reason"] and w["source"] for w in public["withheld"])
    assert public["costing"] is None and public["programme"]["trainers"] is None
    assert public["programme"]["vulnerability_notes"] is None
    assert public["programme"]["commercial_terms"] is None
    assert (public["programme"]["start_date"], public["programme"]["notes"]) == \
        ("2026-05", "[withheld]")
    assert public["totals"] == {**outline["totals"], "withheld_modules": 3}  # length is public
    withheld_row = public["days_by_discipline"][-1]
    assert (withheld_row["id"], withheld_row["modules"]) == (None, 3)
    assert sum(r["hours"] for r in public["days_by_discipline"]) == outline["totals"]["hours"]
    assert not [f for f in public["approval"]["flags"] if f["id"].startswith("withhold-")]
    assert {"ipab-jiph", "osja-assessment"} <= {f["id"] for f in public["approval"]["flags"]}
    polsa = public["modules"][2]
    assert polsa["prerequisites"] == ["pss-search-foundations"]


def test_a_public_programme_loses_only_costs_and_notes(store) -> None:  # type: ignore[no-untyped-def]
    pid = make_programme(store, ["cmd-decision-logs"], delivery_mode="uk",
                         start_date="2026-05-04", trainers=1)
    public = export_outline(store, pid, redact=True)
    assert [m["id"] for m in public["modules"]] == ["cmd-decision-logs"]
    assert public["programme"]["start_date"] == "2026-05-04"  # no one is deployed overseas
    assert [w["category"] for w in public["withheld"]] == ["commercial-terms",
                                                           "confidential-content"]
    assert public["withheld"][1]["what"] == "internal details: the working title"
    assert public["programme"]["title"] == "Training programme for Kenya"
    assert public["days_by_discipline"][-1]["id"] == "command"


def test_redaction_follows_edits(store) -> None:  # type: ignore[no-untyped-def]
    pid = make_programme(store, ["cmd-decision-logs"])
    changes.update_programme(store, pid, {"public_title": "Test programme"})
    assert export_outline(store, pid, redact=True)["withheld"] == []
    changes.add_modules(store, pid, ["ct-terrorism-law"])
    public = export_outline(store, pid, redact=True)
    assert "ct-terrorism-law" not in json.dumps(public)
    assert [s for s in all_strings(public) if "terrorism" in s.lower()] == []


def test_references_to_withheld_modules_are_withheld_too(store) -> None:  # type: ignore[no-untyped-def]
    pid = make_programme(store, ["cmd-decision-logs", "ct-terrorism-law"])
    outline = build_outline(store, pid)
    outline["modules"][0]["prerequisites"].append("ct-terrorism-law")
    public = redact(outline, disclosure_reasons(store))
    assert public["modules"][0]["prerequisites"] == ["cmd-national-decision-model", "[withheld]"]
    assert public["modules"][0]["sensitivity"] == "public"  # fixed vocabulary is never scrubbed


def test_a_redacted_export_agrees_with_itself_when_every_module_is_withheld(store) -> None:  # type: ignore[no-untyped-def]
    pid = make_programme(store, ["ct-prevent", "ct-terrorism-law", "ct-contest-four-ps"],
                         title="Kenya CT course")
    public = export_outline(store, pid, redact=True)
    totals = public["totals"]
    assert len(public["modules"]) + totals["withheld_modules"] == totals["modules"] == 3
    markdown = render(public, "md", outline_document(store, public)).decode("utf-8")
    assert "No modules yet" not in markdown
    assert "No modules are listed: all 3 modules of this programme are withheld" in markdown
    assert "in 3 modules (all withheld, none listed)" in markdown
    covered = [line for line in markdown.splitlines() if line.startswith("| ") and "| yes |" in line]
    assert covered and all(line.endswith("| withheld content |") for line in covered)
    word = docx_text(render(public, "docx", outline_document(store, public)))
    assert "No modules yet" not in word and "all 3 modules" in word


def test_a_title_that_may_not_be_shown_becomes_a_public_one(store) -> None:  # type: ignore[no-untyped-def]
    pid = make_programme(store, ["cmd-decision-logs", "ct-prevent"], title="Kenya CT course")
    public = export_outline(store, pid, redact=True)
    texts = {fmt: render(public, fmt, outline_document(store, public))
             for fmt in ("md", "json", "csv", "docx")}
    for fmt, data in texts.items():
        text = docx_text(data) if fmt == "docx" else data.decode("utf-8")
        assert "Kenya CT course" not in text, fmt
    assert "# Training programme for Kenya" in texts["md"].decode("utf-8")
    assert "Training programme for Kenya" in docx_text(texts["docx"])
    changes.update_programme(store, pid, {"public_title": "Leadership course for Kenya"})
    public = export_outline(store, pid, redact=True)
    assert public["programme"]["title"] == "Leadership course for Kenya"
    assert export_outline(store, pid)["programme"]["title"] == "Kenya CT course"


def test_plural_and_day_wording_in_the_totals(store) -> None:  # type: ignore[no-untyped-def]
    import re

    pid = make_programme(store, [("cmd-decision-logs", 86, None)])
    markdown = render(full := export_outline(store, pid), "md", outline_document(store, full)).decode("utf-8")
    assert "86 hours in 1 module: 14 training days and 2 hours at 6 hours a day " \
           "(15 scheduled days)" in markdown
    assert "module(s)" not in markdown and not re.search(r"\d\.\d+ training day", markdown)


def test_a_linked_request_does_not_blank_what_the_public_content_says(invoke) -> None:  # type: ignore[no-untyped-def]
    """The request's disciplines, audience and a one-word note are withheld, but the same
    words are the programme's own discipline, level and neutral title: those stay; text
    quoting the request's other withheld values is still scrubbed."""
    invoke("request", "new", "--body", "Kenya Police Service Nairobi", "--country", "Kenya",
           "--discipline", "leadership", "--audience", "inspector", "--notes", "training")
    invoke("programme", "new", "Kenya leadership", "--country", "Kenya", "--template",
           "leadership", "--level", "inspector", "--request", "1",
           "--notes", "Asked for by Kenya Police Service Nairobi. PUBLIC-NOTE-STAYS-3300")
    public = invoke("programme", "export", "1", "--redact", "--format", "md").stdout
    assert "# Training programme for Kenya" in public
    assert "| Audience level | Inspector |" in public
    assert "| Leadership |" in public and "Personal leadership" in public
    assert "Kenya Police Service Nairobi" not in public and "PUBLIC-NOTE-STAYS-3300" not in public
    data = json.loads(invoke("programme", "export", "1", "--redact", "--format", "json").stdout)
    assert all(row["title"] != "[withheld]" for row in data["days_by_discipline"])
    assert all("[withheld]" not in p["modules"] for p in data["principles"])
    assert data["programme"]["notes"] == "[withheld]"
