"""A programme outline as plain text, to paste into an email or a note (the builder's copy key).

The same facts and wording as the Markdown and Word exports (:mod:`wording`), without
markup: the summary, the modules in order, training time by discipline, the principles not
covered, the warnings and the suggested approval level. Text is made safe by
:func:`wording.clean` (control characters shown, not obeyed); IPAB, JIPH, OSJA and s.26 are
spelled out on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from catalogue.core.abbreviations import spell_out
from catalogue.core.counting import plural
from catalogue.core.exports import wording as w

if TYPE_CHECKING:
    from catalogue.core.programmes.outline import ProgrammeOutline

LABEL = 16


def outline_plain_text(outline: ProgrammeOutline) -> str:
    p = outline["programme"]
    out = [w.clean(p["title"])]
    out += [f"{label + ':':<{LABEL}}{value}" for label, value in w.summary_rows(outline)]
    out += ["", "Modules"]
    if outline["modules"]:
        for m in outline["modules"]:
            number, title, discipline, levels, hours, notes = w.module_row(m)
            facts = ", ".join(x for x in (discipline, f"levels {levels}" if levels else "",
                                          f"{hours} h") if x)
            out.append(f"{number:>3}. {title}: {facts}")
            if notes:
                out.append(f"     Note: {notes}")
    else:
        out.append(w.no_modules_line(outline))
    if outline["days_by_discipline"]:
        out += ["", "Training time by discipline"]
        out += [f"  {w.clean(r['title'])}: {w.training_time(r['hours'], outline)} "
                f"({w.number(r['hours'])} h, {plural(r['modules'], 'module')})"
                for r in outline["days_by_discipline"]]
    uncovered = [w.clean(r["name"]) for r in outline["principles"] if not r["covered"]]
    if uncovered:
        out += ["", "Principles not covered: " + "; ".join(uncovered)]
    out += ["", "Warnings" if outline["warnings"] else "Warnings: none"]
    out += [f"  - {w.clean(x['message'])}" for x in outline["warnings"]]
    out += ["", w.grade_sentence(outline["approval"], p) + "."]
    return spell_out("\n".join(out).rstrip()) + "\n"
