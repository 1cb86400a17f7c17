"""The IPAB submission draft as marked Markdown: the checklist of what is missing first, then
each section of data/ipab-form.toml as a table, with the modules and cost lines as tables."""

from __future__ import annotations

from typing import TYPE_CHECKING

from catalogue.core.exports.markdown_marked import marked_markdown
from catalogue.core.exports.markdown_text import esc, table

if TYPE_CHECKING:
    from catalogue.core.requests.pack import SubmissionPack


def pack_markdown(pack: SubmissionPack) -> str:
    checklist = pack.checklist
    out = [f"**Request {pack.request_id}, now {esc(pack.state)}.** *{esc(pack.basis)}*", ""]
    out += [f"## Before sending: {len(checklist)} to complete" if checklist
            else "## Before sending: nothing is missing", ""]
    out += [f"- [ ] **{esc(item.label)}**: {esc(item.hint)}" for item in checklist] or \
        ["Every field of the form is recorded. Check each against the request before sending."]
    out += [""]
    for section in pack.sections:
        out += [f"## {esc(section.title)}", ""]
        out += table(["Field", "Value"],
                     [[esc(item.label), esc(item.text)] for item in section.items])
        for item in section.items:
            if item.rows:
                out += [f"### {esc(item.label)}", ""]
                out += table([esc(h) for h in item.headings],
                             [[esc(c) for c in row] for row in item.rows])
    return marked_markdown(pack.info, out)
