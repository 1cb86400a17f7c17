"""No withheld field reaches an IATI file: the canary in every stored text field an export
can draw on (tests/test_disclosure_canaries.py) is looked for in the XML."""

from __future__ import annotations

from catalogue.core.iati.export import export_iati
from iati_helpers import configure, parse_valid, values
from test_disclosure_canaries import canary, planted  # noqa: F401  (the fixture)


def test_no_withheld_canary_reaches_the_iati_file(planted) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    store, pid, secret, shown = planted
    configure(store)
    data = export_iati(store, pid).data
    parse_valid(data)
    text = data.decode("utf-8").upper()
    assert sorted(c for c in secret if c in text) == []
    # What IATI does show comes from public fields: the public title and the notes.
    assert canary("programmes", "public_title") in shown
    root = parse_valid(data)
    assert values(root, "//title/narrative/text()") == [canary("programmes", "public_title")]
    assert canary("programmes", "notes") in text


def test_the_canaries_were_planted_where_the_export_reads(planted) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """The test can fail: the programme's withheld fields hold canaries the export could read."""
    from catalogue.core.programmes.queries import get_programme

    store, pid, secret, _ = planted
    programme = get_programme(store, pid)
    for column in ("title", "language_notes", "vulnerability_notes", "commercial_terms"):
        assert getattr(programme, column) == canary("programmes", column)
        assert canary("programmes", column) in secret
