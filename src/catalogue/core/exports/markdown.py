"""An outline as a clean Markdown document: headings, tables, lists.

All user and library text is escaped, so ``*``, ``|`` or ``#`` in a title appear literally.
"""

from __future__ import annotations

import re
from typing import Any

from catalogue.core.exports import wording as w

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~!])")
_LEADING_BULLET = re.compile(r"^(\s*)([-+=])(?=\s|$)")
_LEADING_NUMBER = re.compile(r"^(\s*)(\d+)([.)])(?=\s|$)")


def esc(text: Any) -> str:
    """Text for inline Markdown: special characters backslash-escaped, one line."""
    value = _SPECIAL.sub(r"\\\1", w.clean(text))
    value = _LEADING_BULLET.sub(r"\1\\\2", value)
    value = _LEADING_NUMBER.sub(r"\1\2\\\3", value)
    return " ".join(value.splitlines())


def table(headings: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(headings) + " |", "|" + "---|" * len(headings)]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return [*lines, ""]


def _paragraph(text: str) -> list[str]:
    return [*(esc(line) for line in w.clean(text).splitlines() if line.strip()), ""]


def render_markdown(outline: dict[str, Any]) -> str:
    p = outline["programme"]
    out = [f"# {esc(p['title'])}", ""]
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
    return "\n".join(out).rstrip() + "\n"


def _approval(outline: dict[str, Any]) -> list[str]:
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
