"""The IPAB submission draft (core): fields from data/ipab-form.toml filled from the record,
every missing required field on the checklist (never blank), s.26 only where serving officers
deliver, the marking from the content or the form's floor, the form file checked on load."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from catalogue.core.errors import DataFileError, InvalidInputError, NotFoundError
from catalogue.core.requests.ipab_form import load_form
from catalogue.core.requests.pack import MISSING, build_pack, pack_format, render_pack
from catalogue.core.requests.register import edit_request, link_programme
from catalogue.core.rules.advice import set_advice
from catalogue.core.store import Store
from programme_helpers import make_programme
from request_helpers import new_request, walk_to

DATA = Path(__file__).resolve().parents[1] / "data"


def _items(pack):  # type: ignore[no-untyped-def]
    return {item.field: item for section in pack.sections for item in section.items}


def test_a_bare_request_lists_what_is_missing_and_leaves_nothing_blank(store: Store) -> None:
    request = new_request(store, audience=["inspector"], cohort=12)
    pack = build_pack(store, request.id, author="A. Jones")
    items = _items(pack)
    todo = {item.field for item in pack.checklist}
    assert todo == {"unit", "course-title", "purpose", "modules", "hours", "delivered-by",
                    "partners", "costs", "funder", "mission", "osja", "level"}
    assert "s26" not in items  # nobody serving delivers
    assert all(item.text for item in items.values())
    assert items["funder"].text.startswith(MISSING) and items["ipab-reference"].text == MISSING
    assert "ipab-reference" not in todo  # optional: shown as not recorded, not on the list
    assert items["ranks"].text == "Inspector" and items["numbers"].text == "12 people"
    assert f"catalogue request edit {request.id} --funder" in items["funder"].hint
    assert "the suggested minimum (local practice) is" in items["level"].hint
    assert "the mission to consult: British" in items["mission"].hint
    assert pack.info.author == "A. Jones" and pack.info.reference == f"Request {request.id}"
    order = [section.id for section in pack.sections]
    assert order == [s.id for s in load_form(DATA).sections]


def test_a_complete_request_fills_every_field(store: Store) -> None:
    request = new_request(store, audience=["inspector", "public-order"], cohort=20,
                          delivered_by=["serving-officers"], location="in-country")
    pid = make_programme(store, ["cmd-decision-logs", ("cmd-span-of-command", 7, None)],
                         title="Kenya public-order command", trainers=2,
                         notes="Command of public-order operations to human-rights standards.")
    link_programme(store, request.id, pid, by="tester")
    edit_request(store, request.id, {"funder": "Kenya Police Service", "partners": "UNODC"},
                 by="tester")
    set_advice(store, "KE", "none", date.today(), by="tester")  # before the OSJA relies on it
    walk_to(store, request, "authorised")
    pack = build_pack(store, request.id)
    items = _items(pack)
    assert pack.checklist == ()
    assert items["s26"].text == "S26/1"
    assert items["course-title"].text == "Kenya public-order command"
    assert items["unit"].text == "Public-order units"
    assert items["modules"].rows[1][3] == "7 (library 8)"
    assert items["costs"].text.startswith("GBP ") and "estimate" in items["costs"].text
    assert items["funder"].text == "Kenya Police Service" and items["partners"].text == "UNODC"
    assert items["osja"].text.startswith("current: version 1")
    assert items["level"].text.startswith("Minister (level decided in OSJA assessment")
    assert items["ipab-reference"].text == "REF-ipab-submitted"
    assert "deployed staff" in items["disclosure"].text or "deployed" in items["disclosure"].text
    markdown = render_pack(pack, "md").decode()
    assert "nothing is missing" in markdown and "| Funder" not in markdown


def test_the_draft_is_marked_from_its_content_or_the_forms_floor(store: Store) -> None:
    plain = build_pack(store, new_request(store).id)
    assert plain.info.marking.classification == "OFFICIAL"
    assert plain.info.marking.level == "restricted"  # the form's floor
    assert "this kind of document" in plain.info.marking.explanation
    ct = build_pack(store, new_request(store, disciplines=["counter-terrorism"]).id)
    assert ct.info.marking.classification == "OFFICIAL-SENSITIVE"
    assert "Confidential content" in _items(ct)["disclosure"].text


def test_an_unknown_request_and_a_wrong_suffix_are_refused(store: Store) -> None:
    with pytest.raises(NotFoundError):
        build_pack(store, 999)
    for name in ("x.pdf", "x", "x.docx.txt"):
        with pytest.raises(InvalidInputError, match=r"\.docx \(Word\) or \.md"):
            pack_format(name)
    assert pack_format("X.DOCX") == "docx" and pack_format("a.md") == "md"


@pytest.mark.parametrize(("change", "message"), [
    (('source = "funder"', 'source = "payer"'), "'source' is 'payer'; expected one of"),
    (('section = "who"', 'section = "nobody"'), "section 'nobody' is not one of"),
    (("required = true", 'required = "yes"'), "'required' must be true or false"),
    (('id = "dates"', 'id = "country"'), "duplicate field id 'country'"),
    (('[form]\ntitle', '[forms]\ntitle'), "unknown section 'forms'"),
])
def test_the_form_file_is_checked_with_file_and_line(tmp_path: Path, change: tuple[str, str],
                                                     message: str) -> None:
    shutil.copy(DATA / "ipab-form.toml", tmp_path / "ipab-form.toml")
    path = tmp_path / "ipab-form.toml"
    text = path.read_text(encoding="utf-8")
    old, new = change
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    first = new.splitlines()[0]
    line = max(n for n, row in enumerate(path.read_text().splitlines(), start=1) if first in row)
    with pytest.raises(DataFileError) as error:
        load_form(tmp_path)
    assert message in str(error.value)
    assert f"ipab-form.toml:{line}:" in str(error.value)


def test_funder_and_partners_are_edited_checked_and_audited(store: Store) -> None:
    request = new_request(store)
    result = edit_request(store, request.id, {"funder": "  CSSF  ", "partners": ""}, by="t")
    assert result.request.funder == "CSSF" and result.request.partners is None
    assert result.changed == {"funder": [None, "CSSF"]}
    with pytest.raises(InvalidInputError, match="funder is 501 characters"):
        edit_request(store, request.id, {"funder": "x" * 501}, by="t")
