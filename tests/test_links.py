"""A request and its programme outline point at each other, whichever side is changed."""

from __future__ import annotations

from catalogue.core.programmes.changes import create_programme, delete_programme, update_programme
from catalogue.core.programmes.queries import get_programme
from catalogue.core.requests import audit
from catalogue.core.requests.register import create_request, get_request, link_programme
from catalogue.core.rules.scope import build_scope
from catalogue.core.store import Store


def _request(store: Store) -> int:
    scope = build_scope(store, "Kenya", disciplines=["leadership"])
    return create_request(store, "Kenya Police Service", scope, by="alice").id


def _programme(store: Store, **raw: object) -> int:
    return create_programme(store, {"title": "Leadership outline", "country": "KE", **raw},
                            by="bob")


def test_setting_the_request_on_a_programme_links_both_sides(store: Store) -> None:
    request_id = _request(store)
    programme_id = _programme(store)
    update_programme(store, programme_id, {"request_id": str(request_id)}, by="bob")
    assert get_request(store, request_id).programme_id == programme_id
    assert get_programme(store, programme_id).request_id == request_id
    event = audit.history(store, request_id)[-1]
    assert event["action"] == "linked" and event["by"] == "bob"


def test_creating_a_programme_for_a_request_links_both_sides(store: Store) -> None:
    request_id = _request(store)
    programme_id = _programme(store, request_id=str(request_id))
    assert get_request(store, request_id).programme_id == programme_id


def test_linking_from_the_request_moves_the_link(store: Store) -> None:
    request_id = _request(store)
    first, second = _programme(store), _programme(store)
    link_programme(store, request_id, first, by="carol")
    link_programme(store, request_id, second, by="carol")
    assert get_programme(store, first).request_id is None
    assert get_programme(store, second).request_id == request_id
    link_programme(store, request_id, None, by="carol")
    assert get_programme(store, second).request_id is None
    assert get_request(store, request_id).programme_id is None


def test_pointing_a_programme_at_another_request_unlinks_the_first(store: Store) -> None:
    one, two = _request(store), _request(store)
    programme_id = _programme(store, request_id=str(one))
    update_programme(store, programme_id, {"request_id": str(two)}, by="bob")
    assert get_request(store, one).programme_id is None
    assert get_request(store, two).programme_id == programme_id
    update_programme(store, programme_id, {"request_id": "none"}, by="bob")
    assert get_request(store, two).programme_id is None


def test_deleting_a_programme_unlinks_its_request(store: Store) -> None:
    request_id = _request(store)
    programme_id = _programme(store, request_id=str(request_id))
    delete_programme(store, programme_id, by="bob")
    assert get_request(store, request_id).programme_id is None
    assert audit.history(store, request_id)[-1]["details"] == {
        "programme_id": [programme_id, None]}


def test_cli_request_link(invoke, store: Store) -> None:  # type: ignore[no-untyped-def]
    request_id = _request(store)
    programme_id = _programme(store)
    result = invoke("request", "link", str(request_id), str(programme_id), "--by", "dee")
    assert result.exit_code == 0, result.output
    assert f"catalogue programme show {programme_id}" in result.stdout
    assert get_programme(store, programme_id).request_id == request_id
    assert invoke("request", "link", str(request_id), "999").exit_code == 1
    assert invoke("request", "link", str(request_id), "abc").exit_code == 2
    assert invoke("request", "link", str(request_id), "none").exit_code == 0
    assert get_programme(store, programme_id).request_id is None
