"""A file's suffix against the format chosen: Word bytes in ``outline.md`` (or Markdown in
``outline.docx``) open as nonsense, so a suffix that names another format is refused before
any work. A suffix no format claims (``.txt``) is the user's choice and is kept."""

from __future__ import annotations

from pathlib import Path

from catalogue.core.errors import InvalidInputError

#: suffix -> the format it names
SUFFIX_FORMATS = {".md": "md", ".markdown": "md", ".json": "json", ".csv": "csv",
                  ".docx": "docx", ".xml": "iati"}
#: format -> (its words, its suffix)
FORMAT_NAMES = {"md": ("Markdown", ".md"), "json": ("JSON", ".json"), "csv": ("CSV", ".csv"),
                "docx": ("Word", ".docx"), "iati": ("IATI XML", ".xml")}


def check_suffix(path: Path | str, fmt: str) -> None:
    """Refuse ``path`` when its suffix names a format other than ``fmt``."""
    target = Path(path)
    named = SUFFIX_FORMATS.get(target.suffix.lower())
    if named is None or named == fmt or fmt not in FORMAT_NAMES:
        return
    words, suffix = FORMAT_NAMES[fmt]
    raise InvalidInputError(
        f"{target.name} ends in {target.suffix}, a {FORMAT_NAMES[named][0]} file, but the "
        f"format is {words}: name the file {target.stem}{suffix}, or export it as "
        f"{FORMAT_NAMES[named][0]}; nothing was written", fields=("output",))
