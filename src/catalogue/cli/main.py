"""The ``catalogue`` command: a lazy click group with one place that turns errors into exit codes."""

from __future__ import annotations

import gc
import os
import sqlite3
import sys
from typing import Any

import click

from catalogue import __version__
from catalogue.cli.context import AppContext, DatabaseFile
from catalogue.cli.lazy import LazyGroup
from catalogue.core.errors import CatalogueError, ExitCode

COMMANDS = {
    "country": "catalogue.cli.country:country",
    "countries": "catalogue.cli.listings:countries",
    "regions": "catalogue.cli.listings:regions",
    "areas": "catalogue.cli.listings:areas",
    "disciplines": "catalogue.cli.listings:disciplines",
    "discipline": "catalogue.cli.listings:discipline",
    "module": "catalogue.cli.listings:module",
    "ethics": "catalogue.cli.ethics:ethics",
    "db": "catalogue.cli.db:db",
    "check": "catalogue.cli.rules:check",
    "advice": "catalogue.cli.rules:advice",
    "conflict": "catalogue.cli.conflict:conflict",
    "osja": "catalogue.cli.osja:osja",
    "request": "catalogue.cli.requests:request",
    "tui": "catalogue.cli.tui:tui",
    "programme": "catalogue.cli.programmes:programme",
    "trainer": "catalogue.cli.trainers:trainer",
    "calendar": "catalogue.cli.calendar:calendar",
    "delivery": "catalogue.cli.deliveries:delivery",
    "map": "catalogue.cli.maps:map_command",
    "stats": "catalogue.cli.stats:stats",
    "facets": "catalogue.cli.facets:facets",
    "serve": "catalogue.cli.web:serve",
    "publish": "catalogue.cli.web:publish",
}


def _say(message: str) -> None:
    """One line on stderr; control characters in it (from user input) shown, not obeyed."""
    from catalogue.core.names import printable

    line = " ".join(printable(message).split("\n"))
    click.echo(f"catalogue: {line}", err=True)


def check_arguments(args: Any) -> None:
    """Refuse, before anything runs, arguments no command can use: a NUL character (only a
    program can pass one) or bytes that are not UTF-8 (which arrive as lone surrogates)."""
    for arg in sys.argv[1:] if args is None else args:
        if not isinstance(arg, str):
            continue
        if "\x00" in arg:
            problem = "contains a NUL character"
        else:
            try:
                arg.encode("utf-8")
                continue
            except UnicodeEncodeError:
                problem = ("is not valid UTF-8 text (check the encoding of your terminal or "
                           "file names)")
        from catalogue.core.names import printable

        shown = printable(os.fsencode(arg).decode("utf-8", "backslashreplace"))
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
        raise click.UsageError(f"argument '{shown}' {problem}")


def _usage_problem(exc: click.UsageError) -> str:
    """The usage error in one line. A group given no command (click 8.2+ raises its whole help
    page as the error) says so and names the commands it has."""
    no_command = getattr(click.exceptions, "NoArgsIsHelpError", ())
    ctx = exc.ctx
    if isinstance(exc, no_command) and ctx is not None and isinstance(ctx.command, click.Group):
        names = ", ".join(ctx.command.list_commands(ctx))
        return f"'{ctx.command_path}' needs a command: {names}"
    return exc.format_message()


def _where(exc: BaseException) -> str:
    """``module.py:line`` of the innermost frame in catalogue's own code."""
    import traceback

    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if f"{os.sep}catalogue{os.sep}" in f.filename] or frames
    if not ours:
        return "an unknown place"
    path = ours[-1].filename
    short = path.split(f"{os.sep}catalogue{os.sep}", 1)[-1].replace(os.sep, "/")
    return f"catalogue/{short}:{ours[-1].lineno}"


def version_option(version: str, prog_name: str) -> Any:
    """``--version``: "PROG, version X" (click's wording), then exit 0; worded here, as
    click's ``version_option`` looks its words up in the gettext catalogue (see help_format.py)."""

    def show(ctx: click.Context, param: click.Parameter, value: bool) -> None:
        if value and not ctx.resilient_parsing:
            click.echo(f"{prog_name}, version {version}", color=ctx.color)
            ctx.exit()

    return click.option("--version", is_flag=True, expose_value=False, is_eager=True,
                        callback=show, help="Show the version and exit.")


class CatalogueGroup(LazyGroup):
    """Runs commands and maps every failure to a one-line message and an exit code."""

    def main(self, args: Any = None, prog_name: str | None = None,  # type: ignore[override]
             complete_var: str | None = None, standalone_mode: bool = True, **extra: Any) -> Any:
        code: int = ExitCode.OK
        try:
            check_arguments(args)
            result = super().main(args, prog_name or "catalogue", complete_var,
                                  standalone_mode=False, **extra)
            if isinstance(result, int):
                code = result
        except click.exceptions.Exit as exc:
            code = exc.exit_code
        except click.Abort:
            _say("aborted")
            code = ExitCode.INTERRUPTED
        except click.UsageError as exc:
            path = exc.ctx.command_path if exc.ctx else "catalogue"
            _say(f"{_usage_problem(exc)} (see '{path} --help')")
            code = ExitCode.USAGE
        except click.ClickException as exc:
            _say(exc.format_message())
            code = exc.exit_code
        except CatalogueError as exc:
            from catalogue.cli.field_words import cli_message

            _say(cli_message(exc))
            code = exc.exit_code
        except sqlite3.Error as exc:
            from catalogue.core.store import explain

            _say(str(explain(exc, None)))
            code = ExitCode.DATABASE
        except KeyboardInterrupt:
            _say("interrupted")
            code = ExitCode.INTERRUPTED
        except BrokenPipeError:
            code = ExitCode.OK
        except Exception as exc:
            if os.environ.get("CATALOGUE_DEBUG"):
                raise
            # Not the exception's text: it may quote confidential data being processed.
            _say(f"internal error: {type(exc).__name__} at {_where(exc)} "
                 "(run with CATALOGUE_DEBUG=1 for details, and please report it)")
            code = ExitCode.INTERNAL
        if standalone_mode:
            sys.exit(int(code))
        return int(code)


@click.group(
    cls=CatalogueGroup,
    lazy_commands=COMMANDS,
    invoke_without_command=True,
    context_settings={"max_content_width": 100},
)
@click.option("--db", "db_path", type=DatabaseFile(),
              help="Database file (default: $CATALOGUE_DB, else the user data directory).")
@version_option(__version__, prog_name="catalogue")
@click.pass_context
def cli(ctx: click.Context, db_path: str | None) -> None:
    """Training catalogue and country explorer for international policing assistance.

    Run with no command to open the app. Exit codes: 0 ok, 1 not found, 2 usage error or
    ambiguous name, 3 data file error, 4 database error, 5 refused by a workflow rule,
    6 cannot write an output file, 70 internal error, 130 interrupted.
    """
    app = AppContext(db_path)
    ctx.obj = app
    ctx.call_on_close(app.close)
    if ctx.invoked_subcommand is None:
        from catalogue.cli.tui import tui

        ctx.invoke(tui)


def run() -> None:
    """Console-script entry point.

    The process ends when this returns, and the operating system takes back its memory at
    once; so everything is first moved out of the garbage collector's sight (``gc.freeze``),
    sparing the interpreter's last full collections over objects about to be dropped anyway:
    4.5 ms of every command's 40-50 (docs/performance.md). Open files and the database are
    closed before this point; only objects caught in reference cycles at exit go unfinalized,
    which Python does not promise to finalize anyway."""
    try:
        cli.main()
    finally:
        gc.freeze()
