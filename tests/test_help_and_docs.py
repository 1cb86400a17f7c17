"""Every command has help text, and the README documents every command."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from catalogue.cli.main import cli

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _walk(group: click.Group, prefix: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from _walk(command, (*prefix, name))


COMMANDS = list(_walk(cli))


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_command_has_help_and_every_option_is_described(path, command) -> None:  # type: ignore[no-untyped-def]
    assert command.help and len(command.help.strip()) > 10, path
    for param in command.params:
        if isinstance(param, click.Option) and param.name not in {"help"}:
            assert param.help, f"{' '.join(path)} {param.opts} has no help"


@pytest.mark.parametrize("path", [p for p, _ in COMMANDS], ids=[" ".join(p) for p, _ in COMMANDS])
def test_readme_mentions_command(path: tuple[str, ...]) -> None:
    assert f"catalogue {' '.join(path)}" in README, f"README does not document {path}"
