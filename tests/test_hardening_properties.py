"""Properties over arbitrary text (hypothesis): country lookup never crashes and always answers
found / ambiguous / not found; searches take any text; every free-text field of a programme or
a request (what the TUI's inputs pass straight to the core) is stored exactly or refused with
a one-line CatalogueError, never another exception. (Random workflow sequences:
tests/test_requests_machine.py.)
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from catalogue.core.catalog import search_modules
from catalogue.core.countries import CountryFilter, list_countries
from catalogue.core.errors import AmbiguousError, CatalogueError, NotFoundError
from catalogue.core.lookup import lookup_country, resolve_country
from catalogue.core.names import fold, printable
from catalogue.core.programmes import changes
from catalogue.core.programmes.model import TEXT_FIELDS
from catalogue.core.programmes.queries import ProgrammeFilter, get_programme, list_programmes
from catalogue.core.requests.register import create_request, edit_request, get_request
from catalogue.core.requests.workflow import decline, withdraw
from catalogue.core.rules.scope import Scope
from catalogue.core.store import Store, open_store

#: Any text at all: every plane, control characters, and lone surrogates (non-UTF-8 input).
ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=60)
#: Text made of the pieces lookups and searches care about, so matches happen too.
PIECES = st.sampled_from(["Kenya", "kenia", "Congo", "Korea", "south", "the", "KE", "KEN", "404",
                          "004", "Côte d’Ivoire", "AND", "OR", "NOT", "NEAR", "*", '"', "(", ")",
                          "^", ":", "-", "'", "%", "_", "[bold]", "\x1b[31m", "\x00", " ", "é",
                          "\udce4", "ß", "İ", "9" * 40])
QUERY = st.lists(PIECES, max_size=6).map("".join) | ANY_TEXT
SETTINGS = settings(max_examples=100, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])


@contextmanager
def _copy(template: Path) -> Iterator[Store]:
    folder = tempfile.mkdtemp()
    path = Path(folder) / "catalogue.db"
    shutil.copyfile(template, path)
    store = open_store(path)
    try:
        yield store
    finally:
        store.close()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def shared(seeded_template: Path) -> Iterator[Store]:
    """One database for the examples of a module (lookups do not write)."""
    with _copy(seeded_template) as store:
        yield store


@SETTINGS
@given(query=QUERY)
@example(query="9" * 5000)  # more digits than int() accepts
@example(query="x" * 10_000)
def test_lookup_always_answers_one_of_three_ways(shared: Store, query: str) -> None:
    result = lookup_country(shared, query)
    assert result.status in {"found", "ambiguous", "not_found"}
    assert result.query == query
    if result.status == "found":
        assert result.match is not None and result.match.code
        assert shared.one("SELECT 1 FROM countries WHERE code = ?", (result.match.code,))
    else:
        assert result.match is None
    if result.status == "ambiguous":
        assert len({m.code for m in result.candidates}) >= 2
    if not fold(query):
        assert result.status == "not_found"


@SETTINGS
@given(query=QUERY)
def test_resolve_raises_only_not_found_or_ambiguous(shared: Store, query: str) -> None:
    try:
        match = resolve_country(shared, query)
    except (NotFoundError, AmbiguousError) as exc:
        assert "\n" not in printable(str(exc)).replace("\\n", "")
        assert len(str(exc)) < 1000  # the query is shortened, not repeated whole
        return
    assert lookup_country(shared, query).match == match


@SETTINGS
@given(text=QUERY)
def test_searches_take_any_text(shared: Store, text: str) -> None:
    for search in (lambda: list_countries(shared, CountryFilter(search=text, assisted_only=False)),
                   lambda: search_modules(shared, text),
                   lambda: list_programmes(shared, ProgrammeFilter(search=text))):
        try:
            assert isinstance(search(), list)
        except CatalogueError as exc:
            assert str(exc)


# ------------------------------------------------------------------------------ saving text


@pytest.fixture
def writable(seeded_template: Path) -> Iterator[Store]:
    with _copy(seeded_template) as store:
        yield store


def _stored_or_refused(save, read, text: str) -> None:  # type: ignore[no-untyped-def]
    """``save(text)`` either stores ``text`` (perhaps trimmed; blank clears) or raises a
    one-line CatalogueError; anything else fails the test."""
    try:
        save(text)
    except CatalogueError as exc:
        assert str(exc) and "\n" not in str(exc).strip("\n")
        return
    assert read() in (text, text.strip() or None)


@SETTINGS
@given(field=st.sampled_from([*TEXT_FIELDS, "title", "module notes"]), text=ANY_TEXT)
@example(field="vulnerability_notes", text="Holl\udce4nd")
@example(field="title", text="\x00")
def test_any_programme_text_is_stored_exactly_or_refused(writable: Store, field: str,
                                                         text: str) -> None:
    pid = changes.create_programme(writable, {"title": "Base", "country": "KE"},
                                   [changes.ModuleEntry("cmd-decision-logs")])
    if field == "module notes":
        _stored_or_refused(lambda t: changes.set_module(writable, pid, 1, notes=t),
                           lambda: get_programme(writable, pid).modules[0].notes, text)
    elif field == "title":
        _stored_or_refused(lambda t: changes.update_programme(writable, pid, {"title": t}),
                           lambda: get_programme(writable, pid).title, text)
    else:
        blank_clears = text.strip().lower() != "none"
        if blank_clears:
            _stored_or_refused(lambda t: changes.update_programme(writable, pid, {field: t}),
                               lambda: getattr(get_programme(writable, pid), field), text)


@SETTINGS
@given(field=st.sampled_from(["body", "notes", "by", "edit", "decline", "withdraw"]),
       text=ANY_TEXT)
@example(field="notes", text="Holl\udce4nd")
@example(field="decline", text="\udcff")
def test_any_request_text_is_stored_exactly_or_refused(writable: Store, field: str,
                                                       text: str) -> None:
    scope = Scope("KE", disciplines=["leadership"])
    if field in {"body", "notes", "by"}:
        made: list[int] = []
        column = {"body": "requesting_body", "notes": "notes", "by": "created_by"}[field]

        def create(t: str) -> None:
            values = {"body": "Police", "by": "tester", "notes": None, field: t}
            made.append(create_request(writable, values["body"], scope, by=values["by"],
                                       notes=values["notes"]).id)

        _stored_or_refused(create, lambda: getattr(get_request(writable, made[-1]), column),
                           text)
        return
    rid = create_request(writable, "Police", scope, by="tester").id
    if field == "edit":
        _stored_or_refused(lambda t: edit_request(writable, rid, {"notes": t}, by="tester"),
                           lambda: get_request(writable, rid).notes, text)
        return
    act, state = (decline, "declined") if field == "decline" else (withdraw, "withdrawn")
    try:
        act(writable, rid, by="tester", reason=text)
    except CatalogueError as exc:
        assert str(exc)
        assert get_request(writable, rid).state == "received"  # a refusal changes nothing
        return
    assert get_request(writable, rid).state == state
