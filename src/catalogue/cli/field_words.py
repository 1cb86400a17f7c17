"""How CLI users give the fields a core error names. See :func:`catalogue.core.errors.worded`."""

from __future__ import annotations

from catalogue.core.errors import CatalogueError, Need, need_words, worded

CLI_FIELDS = {
    "by": "--by",
    "reason": "--reason",
    "overwrite": "use --force to overwrite it",
    "out_of": "--out-of",
    "skills": "--discipline or --module",
    "answers": "--answer ID=yes|no|unclear|not-applicable",
    "below_reason": "--below-reason",
    "consulted": "--consulted 'NAME, YYYY-MM-DD'",
    "author": "--author",
    "shared": "--shared GROUP",
    "check": "run 'catalogue db check' to see what is wrong",
    "damaged": "to copy it anyway, as it is, use --damaged",
    "part": "--part",
    "note": "--note",
    "groups": "--group RANK:WOMEN:MEN[:COMPLETED][:UNIT]",
    "months": "--months",
    "discipline": "--discipline",
    "since": "--since",
    "output": "-o FILE",
    "funder": "--funder",
    "partners": "--partners",
    "host_country": "request edit --host COUNTRY",
    "travel_advice": "catalogue advice set {country} LEVEL --as-of DATE",
    "authoriser": "--authoriser NAME",
    "authoriser_level": "--level {value}",
    "s26_reference": "--s26-ref REFERENCE",
    "start_date": "catalogue programme set ID --start YYYY-MM-DD",
    "clear": "--clear",
    "format": "--format md or docx",
    "changes": "give at least one option, see --help",
}


def cli_message(error: CatalogueError | str) -> str:
    """The error's message (or a step's problem) worded for the command line."""
    return worded(error, CLI_FIELDS)


def cli_need(need: Need) -> str:
    """What a step needs, as the option that gives it (``--level minister``)."""
    return need_words(need, CLI_FIELDS)
