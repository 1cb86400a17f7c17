"""One entry point for every export: build the outline, redact it if asked, render, write."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from catalogue.core.errors import InvalidInputError
from catalogue.core.store import Store

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


def export_outline(store: Store, programme_id: int, *, redact: bool = False) -> dict[str, Any]:
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


def render(outline: dict[str, Any], fmt: str) -> bytes:
    """The outline in ``fmt`` (md, json, csv, docx), as bytes ready to write."""
    name = check_format(fmt)
    if name == "docx":
        from catalogue.core.exports.docx_export import render_docx

        return render_docx(outline)
    if name == "md":
        from catalogue.core.exports.markdown import render_markdown

        text = render_markdown(outline)
    elif name == "json":
        from catalogue.core.exports.json_export import render_json

        text = render_json(outline)
    else:
        from catalogue.core.exports.csv_export import render_csv

        text = render_csv(outline)
    return text.encode("utf-8")


def export_programme(store: Store, programme_id: int, fmt: str, *,
                     redact: bool = False) -> bytes:
    return render(export_outline(store, programme_id, redact=redact), fmt)


def save_export(store: Store, programme_id: int, fmt: str, path: Path | str, *,
                redact: bool = False, force: bool = False) -> Path:
    """Export to ``path`` atomically; refuses an existing file unless ``force``.

    The target is checked before any work, so a bad path fails fast and writes nothing.
    """
    from catalogue.core.exports.atomic import check_target, write_atomic

    check_target(Path(path), force)
    data = export_programme(store, programme_id, fmt, redact=redact)
    return write_atomic(Path(path), data, force=force)
