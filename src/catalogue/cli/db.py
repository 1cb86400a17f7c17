"""``catalogue db``: where the database is, and keeping it healthy."""

from __future__ import annotations

import click

from catalogue.cli.context import AppContext, pass_app
from catalogue.core import maintenance


@click.group()
def db() -> None:
    """Database housekeeping: path, init, reseed, check."""


@db.command()
@pass_app
def path(app: AppContext) -> None:
    """Print the database path (set with --db or $CATALOGUE_DB).

    \b
    Example:
      catalogue db path
    """
    click.echo(str(app.db_path))


@db.command()
@pass_app
def init(app: AppContext) -> None:
    """Create and seed the database if needed (it also happens on first use).

    \b
    Example:
      catalogue --db ./team.db db init
    """
    info = maintenance.status(app.store())
    click.echo(f"Ready: {info['path']} ({info['countries']} countries, "
               f"{info['modules']} modules, seeded {info['seeded_at']})")


@db.command()
@pass_app
def reseed(app: AppContext) -> None:
    """Rebuild the reference tables from the data files now; your own records are kept.

    \b
    Example:
      catalogue db reseed
    """
    store = app.store()
    maintenance.reseed(store)
    info = maintenance.status(store)
    click.echo(f"Reseeded {info['path']} from {info['data_dir']} at {info['seeded_at']}")


@db.command()
@pass_app
def check(app: AppContext) -> None:
    """Run SQLite's integrity check and confirm the data files are loaded.

    \b
    Example:
      catalogue db check
    """
    problems = maintenance.integrity_problems(app.store())
    if problems:
        raise click.ClickException("integrity check failed: " + "; ".join(problems[:5]))
    click.echo("ok: integrity check passed")
