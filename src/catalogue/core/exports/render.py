"""One entry point for every export: build the outline, redact it if asked, render, write."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from catalogue.core.errors import InvalidInputError
from catalogue.core.store import Store

if TYPE_CHECKING:
    from catalogue.core.exports.marking import DocumentInfo
    from catalogue.core.programmes.outline import ProgrammeOutline

#: Formats that carry the marking, version, date and author (JSON and CSV are data).
MARKED = ("md", "docx")
OUTLINE_KIND = "Training programme outline"

#: Format name -> (file extension, binary?)
FORMATS = {"md": (".md", False), "json": (".json", False), "csv": (".csv", False),
           "docx": (".docx", True)}


def check_format(fmt: str) -> str:
    name = fmt.strip().lower()
    name = {"markdown": "md", "word": "docx"}.get(name, name)
    if name not in FORMATS:
        raise InvalidInputError(f"unknown export format {fmt!r}; choose one of: "
                                f"{', '.join(FORMATS)}")
    return name


def export_outline(store: Store, programme_id: int, *,
                   redact: bool = False) -> ProgrammeOutline:
    """The outline to export: the full one, or its public version."""
    from catalogue.core.exports.redaction import disclosure_reasons
    from catalogue.core.exports.redaction import redact as make_public
    from catalogue.core.exports.withheld_values import withheld_values
    from catalogue.core.programmes.outline import build_outline
    from catalogue.core.rules.stored import stored_policy

    outline = build_outline(store, programme_id)
    if not redact:
        return outline
    return make_public(outline, disclosure_reasons(store), policy=stored_policy(store),
                       secrets=withheld_values(store, programme_id))


def outline_document(store: Store, outline: ProgrammeOutline, *,
                     author: str | None = None) -> DocumentInfo:
    """The marking and details of an outline's document: marked from its modules' highest
    local sensitivity (the public version from the public level), versioned by its content."""
    from catalogue.core.exports.marking import derive_marking, document_info
    from catalogue.core.sensitivity import sensitivity_scheme

    p = outline["programme"]
    marking = derive_marking(sensitivity_scheme(store),
                             [m["sensitivity"] for m in outline["modules"]],
                             basis="its modules", public_version=bool(outline["redacted"]))
    content = {k: v for k, v in outline.items() if k != "generated_at"}
    return document_info(OUTLINE_KIND, str(p["title"]), f"Programme {p['id']}", marking,
                         content=content, author=author)


def render(outline: ProgrammeOutline, fmt: str, document: DocumentInfo | None = None) -> bytes:
    """The outline in ``fmt`` (md, json, csv, docx), as bytes ready to write. Markdown and
    Word are marked documents and need their ``document`` (``outline_document``)."""
    name = check_format(fmt)
    if name in MARKED and document is None:
        raise InvalidInputError(f"a {name} export is a marked document: it needs its "
                                "marking, version, date and author (outline_document)")
    if name == "docx":
        from catalogue.core.exports.docx_export import render_docx

        assert document is not None
        return render_docx(outline, document)
    if name == "md":
        from catalogue.core.exports.markdown import render_markdown

        assert document is not None
        text = render_markdown(outline, document)
    elif name == "json":
        from catalogue.core.exports.json_export import render_json

        text = render_json(outline)
    else:
        from catalogue.core.exports.csv_export import render_csv

        text = render_csv(outline)
    return text.encode("utf-8")


def export_programme(store: Store, programme_id: int, fmt: str, *,
                     redact: bool = False, author: str | None = None) -> bytes:
    outline = export_outline(store, programme_id, redact=redact)
    document = outline_document(store, outline, author=author) if check_format(fmt) in MARKED \
        else None
    return render(outline, fmt, document)


def save_export(store: Store, programme_id: int, fmt: str, path: Path | str, *,
                redact: bool = False, force: bool = False, author: str | None = None) -> Path:
    """Export to ``path`` atomically; refuses an existing file unless ``force``.

    The target is checked before any work, so a bad path fails fast and writes nothing.
    """
    from catalogue.core.exports.atomic import check_target, write_atomic
    from catalogue.core.exports.suffixes import check_suffix

    check_suffix(path, check_format(fmt))
    check_target(Path(path), force)
    data = export_programme(store, programme_id, fmt, redact=redact, author=author)
    return write_atomic(Path(path), data, force=force)
