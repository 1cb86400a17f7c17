"""Marked Markdown: the classification banner first and last, and the document-control table
(marking and its basis, document, version, date, author) under the title. Markdown has no
pages, so it has no page numbers; its banner opens and closes the file instead.

Use it for any document (see catalogue.core.exports.marking)::

    text = marked_markdown(info, body_lines)  # body_lines: the document after its title
"""

from __future__ import annotations

from catalogue.core.exports.markdown_text import esc, table
from catalogue.core.exports.marking import DocumentInfo


def banner_line(info: DocumentInfo) -> str:
    return f"**{esc(info.marking.banner)}**"


def marked_markdown(info: DocumentInfo, body: list[str]) -> str:
    """The whole document: banner, title, control table, ``body``, banner."""
    head = [banner_line(info), "", f"# {esc(info.title)}", ""]
    head += table(["Document control", " "],
                  [[label, esc(value)] for label, value in info.control_rows()])
    lines = [*head, *body]
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join([*lines, "", banner_line(info)]) + "\n"
