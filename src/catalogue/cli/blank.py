"""Refuse an empty or blank value where a command takes a name (a country, a discipline, a
module, a trainer, a programme, words to search for, a month, a reason): a usage error
(exit 2), not "not found" (exit 1) nor a filter silently left out."""

from __future__ import annotations

from typing import Any

import click

#: What to give instead, by the parameter's name (README's exit code 2).
WANTED = {
    "search": "words to find",
    "query": "a name or code (e.g. Kenya, KE)",
    "country": "a name or code (e.g. Kenya, KE)",
    "region": "a name or code (e.g. Kenya, KE)",
    "subregion": "a name or code (e.g. Kenya, KE)",
    "intermediate": "a name or code (e.g. Kenya, KE)",
    "area": "a name or code (e.g. Kenya, KE)",
    "highlight": "a name or code (e.g. Kenya, KE)",
    "name": "a name",
    "title": "a title",
    "discipline": "a discipline id or title (e.g. leadership)",
    "disciplines": "a discipline id or title (e.g. leadership)",
    "subject": "a discipline or module id",
    "module": "a module id (e.g. cmd-decision-logs)",
    "modules": "a module id (e.g. cmd-decision-logs)",
    "module_id": "a module id (e.g. cmd-decision-logs)",
    "trainer_ref": "a trainer's id or name",
    "programme": "a programme's id or title",
    "month": "a month, YYYY-MM",
    "level": "a level",
    "reason": "a reason",
    "signal": "a decline reason",
}


def refuse_blank(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """click callback: ``value`` as given, unless it is given but empty or blank. A
    repeatable option is refused if any one of its values is blank; the words of a
    ``nargs=-1`` argument are taken together."""
    if value is None:
        return value
    if isinstance(value, tuple):
        items = list(value) if param.multiple else ([" ".join(value)] if value else [])
    else:
        items = [str(value)]
    if any(not item.strip() for item in items):
        wanted = WANTED.get(param.name or "", "a value")
        raise click.BadParameter(f"it is empty; give {wanted}", ctx, param)
    return value
