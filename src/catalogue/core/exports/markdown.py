"""An outline as a clean Markdown document: headings, tables, lists.

All user and library text is escaped, so ``*``, ``|`` or ``#`` in a title appear literally.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from catalogue.core.exports import wording as w
from catalogue.core.exports.markdown_marked import marked_markdown
from catalogue.core.exports.markdown_text import esc, table

if TYPE_CHECKING:
    from catalogue.core.exports.marking import DocumentInfo
    from catalogue.core.programmes.outline import ProgrammeOutline

__all__ = ["esc", "render_markdown", "table"]


def _paragraph(text: str) -> list[str]:
    return [*(esc(line) for line in w.clean(text).splitlines() if line.strip()), ""]


def render_markdown(outline: ProgrammeOutline, info: DocumentInfo) -> str:
    """The outline under its marking (markdown_marked.py)."""
    p = outline["programme"]
    out: list[str] = []
    if outline["redacted"]:
        out += ["*Public version: some details are withheld under the disclosure rules "
                "(see \"Withheld\" at the end).*", ""]
    out += table(["Item", "Detail"], [[label, esc(value)] for label, value in w.summary_rows(outline)])
    out += ["## Modules", ""]
    if outline["modules"]:
        out += table(w.MODULE_HEADINGS, [[esc(c) for c in w.module_row(m)]
                                         for m in outline["modules"]])
    else:
        out += [w.no_modules_line(outline), ""]
    out += ["## Days by discipline", ""]
    out += table(["Discipline", "Modules", "Hours", "Training time"],
                 [[esc(r["title"]), str(r["modules"]), w.number(r["hours"]),
                   w.training_time(r["hours"], outline)]
                  for r in outline["days_by_discipline"]])
    out += ["## Learning outcomes", ""]
    for m in outline["modules"]:
        out += [f"### {m['position']}. {esc(m['title'])}", ""]
        if m["summary"]:
            out += [f"*{esc(m['summary'])}*", ""]
        if m["library_note"]:
            out += [f"Library note: {esc(m['library_note'])}", ""]
        out += [f"- {esc(o)}" for o in m["outcomes"]] or ["- (none recorded)"]
        out += [""]
    out += ["## Stabilisation Unit principles", ""]
    out += table(["Principle", "Covered", "Modules"],
                 [[esc(r["name"]), "yes" if r["covered"] else "**no**",
                   esc(w.principle_modules(r))] for r in outline["principles"]])
    out += ["## Warnings", ""]
    out += [f"- {esc(x['message'])}" for x in outline["warnings"]] or ["None."]
    out += [""]
    out += _approval(outline)
    out += _costing(outline["costing"])
    out += _notes(p)
    if outline["withheld"]:
        out += ["## Withheld", ""]
        out += [f"- {esc(x['what'])}: {esc(x['reason'])} ({esc(x['source'])})"
                for x in outline["withheld"]]
        out += [""]
    return marked_markdown(info, out)


def _approval(outline: ProgrammeOutline) -> list[str]:
    approval = outline["approval"]
    out = ["## Approvals", "", esc(w.grade_sentence(approval, outline["programme"])) + ".", ""]
    reasons = approval.get("suggested_reasons") or []
    if reasons:
        out += ["Reasons for the suggestion (local practice):", "", *(f"- {esc(r)}" for r in reasons), ""]
    for flag in approval.get("flags") or []:
        out += [f"- **{esc(flag['title'])}** ({esc(flag['severity'])}): {esc(flag['why'])} "
                f"*Source: {esc(flag['source'])}*"]
    return [*out, ""]


def _costing(costing: dict[str, Any] | None) -> list[str]:
    if not costing:
        return []
    cur = costing["currency"]
    out = ["## Cost estimate", "",
           f"All figures are estimates. Rates: {esc(costing['rates_source'])}.", ""]
    out += table(["Item", "Basis", f"Estimate ({cur})"],
                 [[esc(line["item"]), esc(line["basis"]), w.number(line["amount"])]
                  for line in costing["lines"]])
    return [*out, f"**Total (estimate): {esc(w.money(costing['total'], cur))}**", ""]


def _notes(programme: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for key, heading in (("notes", "Notes"), ("vulnerability_notes", "Vulnerability notes"),
                         ("commercial_terms", "Commercial terms")):
        if programme.get(key):
            out += [f"## {heading}", "", *_paragraph(programme[key])]
    return out
