"""The words the OSJA data files may use: death-penalty statuses, conditions, placeholders.

Shared by the question-set loader and the approval-policy loader; imports nothing of theirs.
"""

from __future__ import annotations

from typing import Any

#: Amnesty International's four categories, and how each reads in a sentence.
DP_STATUSES = {
    "abolitionist-all-crimes": "abolished the death penalty for all crimes",
    "abolitionist-ordinary-crimes": "abolished the death penalty for ordinary crimes only "
                                    "(it is kept for exceptional crimes)",
    "abolitionist-in-practice": "keeps the death penalty in law but is abolitionist in practice "
                                "(no executions for at least ten years)",
    "retentionist": "retains the death penalty",
}
#: Statuses under which the death penalty is still in law.
DP_RETAINED = ("abolitionist-ordinary-crimes", "abolitionist-in-practice", "retentionist")
SANCTION_KINDS = ("country", "thematic")
WORDINGS = ("guidance", "local")
PLAIN_CONDITIONS = ("always", "in-country", "hr-priority", "death-penalty", "sanctions",
                    "conflict", "incident", "travel-advice", "coercive-audience",
                    "serving-officers")
SENSITIVITY_LEVELS = ("restricted", "confidential")
WHY_FACTS = {"country", "code", "kind", "facts_country", "dp_status", "dp_as_of", "dp_source",
             "regimes", "sanctions_as_of", "hr_year", "hr_title", "conflict_part",
             "conflict_as_of", "incident_on", "incident_note", "advice", "advice_as_of",
             "units", "disciplines", "matched"}

def check_condition(record: Any, text: str, disciplines: set[str], audiences: set[str],
                    extra: tuple[str, ...] = (), key: str = "when",
                    plain_conditions: tuple[str, ...] = PLAIN_CONDITIONS) -> str:
    """One condition of a question, a suggestion rule or a disclosure category
    (``plain_conditions``: the words its engine can test), checked against what exists."""
    if text in plain_conditions or text in extra:
        return text
    kind, _, value = text.partition(":")
    if kind == "discipline" and value in disciplines:
        return text
    if kind == "sensitivity" and value in SENSITIVITY_LEVELS:
        return text
    if kind == "audience" and value in audiences:
        return text
    hints = {"discipline": f"known disciplines: {', '.join(sorted(disciplines))}",
             "sensitivity": "levels: restricted, confidential",
             "audience": f"known audiences: {', '.join(sorted(audiences))}"}
    plain = ", ".join((*plain_conditions, *extra))
    hint = hints.get(kind, f"conditions: {plain}, discipline:ID, sensitivity:LEVEL, audience:TAG")
    raise record.fail(f"unknown condition {text!r} ({hint})", key)


def why_text(record: Any, key: str) -> str:
    import string

    text = str(record.text(key))
    try:
        names = {n for _, n, _, _ in string.Formatter().parse(text) if n is not None}
    except ValueError as exc:
        raise record.fail(f"{key!r} has unbalanced braces ({exc})", key) from None
    unknown = sorted(names - WHY_FACTS)
    if unknown:
        raise record.fail(f"{key!r} uses unknown placeholder(s) {', '.join(unknown)}; usable: "
                          f"{', '.join('{' + n + '}' for n in sorted(WHY_FACTS))}", key)
    return text


