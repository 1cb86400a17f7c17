"""``--help`` with IPAB, JIPH, OSJA and s.26 spelled out on first use.

Every command's context uses :class:`SpelledOutContext`, whose formatter passes each text and
option description through :func:`catalogue.core.abbreviations.spell_out` before wrapping,
remembering what one help page has already spelled out. Examples (``\b`` paragraphs) are
command lines to copy, so they are left exactly as written.

``-h/--help`` is the program's own option (:func:`help_option`), built with click's public
classes and worded here: click's ``help_option`` looks its words up in the gettext catalogue
each time a command runs, and the first lookup imports ``locale`` and every one searches the
disk for translation files, about a millisecond of each quick lookup (docs/performance.md).
It behaves as click's does: eager, not passed to the command, last on the help page.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import click

from catalogue.core.abbreviations import spell_out

HELP_NAMES = ("-h", "--help")


def _show_help(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(ctx.get_help(), color=ctx.color)
        ctx.exit()


def help_option() -> click.Option:
    """``-h/--help``: the command's help page, then exit 0."""
    return click.Option(list(HELP_NAMES), is_flag=True, expose_value=False, is_eager=True,
                        callback=_show_help, help="Show this message and exit.")


def use_own_help_option(command: click.Command) -> None:
    """Give ``command`` :func:`help_option` in place of click's (once; idempotent)."""
    if command.add_help_option:
        command.add_help_option = False
        command.params.append(help_option())


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
    """Give ``command`` (and, for a group, every subcommand) the spelling-out help, behind the
    program's own ``-h/--help`` option."""
    command.context_class = SpelledOutContext
    use_own_help_option(command)
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            spell_out_help(sub)
    return command
