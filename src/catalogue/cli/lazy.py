"""A click group that imports each command's module only when that command runs."""

from __future__ import annotations

import importlib
from typing import Any

import click

from catalogue.cli.help_format import SpelledOutContext, spell_out_help, use_own_help_option


class LazyGroup(click.Group):
    """Subcommands named in ``lazy_commands`` as ``name -> "module:attribute"``; every help
    page spells out IPAB, JIPH, OSJA and s.26 on first use."""

    context_class = SpelledOutContext

    def __init__(self, *args: Any, lazy_commands: dict[str, str] | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands = lazy_commands or {}
        use_own_help_option(self)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy_commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy_commands:
            module_name, attribute = self.lazy_commands[cmd_name].split(":")
            command = getattr(importlib.import_module(module_name), attribute)
            if not isinstance(command, click.Command):
                raise TypeError(f"{self.lazy_commands[cmd_name]} is not a click command")
            return spell_out_help(command)
        return super().get_command(ctx, cmd_name)
