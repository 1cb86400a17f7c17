"""``--help`` with IPAB, JIPH, OSJA and s.26 spelled out on first use.

Every command's context uses :class:`SpelledOutContext`, whose formatter passes each text and
option description through :func:`catalogue.core.abbreviations.spell_out` before wrapping,
remembering what one help page has already spelled out. Examples (``\b`` paragraphs) are
command lines to copy, so they are left exactly as written.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import click

from catalogue.core.abbreviations import spell_out


class SpelledOutFormatter(click.HelpFormatter):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.spelled: set[str] = set()

    def write_text(self, text: str) -> None:
        # A paragraph marked \b (the examples) is literal command lines: left as typed.
        paragraphs = [p if p.lstrip().startswith("\b") else spell_out(p, self.spelled)
                      for p in text.split("\n\n")]
        super().write_text("\n\n".join(paragraphs))

    def write_dl(self, rows: Iterable[tuple[str, str]], col_max: int = 30,
                 col_spacing: int = 2) -> None:
        rows = [(term, spell_out(text, self.spelled)) for term, text in rows]
        super().write_dl(rows, col_max, col_spacing)


class SpelledOutContext(click.Context):
    formatter_class = SpelledOutFormatter


def spell_out_help(command: click.Command) -> click.Command:
    """Give ``command`` (and, for a group, every subcommand) the spelling-out help."""
    command.context_class = SpelledOutContext
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            spell_out_help(sub)
    return command
