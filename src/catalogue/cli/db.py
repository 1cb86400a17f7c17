"""``catalogue db``: where the database is, and keeping it healthy."""

from __future__ import annotations

import click

from catalogue.cli.context import AppContext, pass_app
from catalogue.core import maintenance
from catalogue.core.errors import DatabaseError
from catalogue.core.names import printable


@click.group()
def db() -> None:
    """Database housekeeping: path, init, reseed, check, backup, restore."""


@db.command()
@pass_app
def path(app: AppContext) -> None:
    """Print the database path (set with --db or $CATALOGUE_DB).

    \b
    Example:
      catalogue db path
    """
    click.echo(printable(str(app.db_path)))


@db.command()
@click.option("--shared", "group", metavar="GROUP",
              help="Share the register with this Unix group and nobody else: the folder "
                   "becomes 2770 (setgid), the database, its -wal/-shm files and backups "
                   "0660. Also converts an existing database (docs/deploy.md).")
@pass_app
def init(app: AppContext, group: str | None) -> None:
    """Create and seed the database if needed (it also happens on first use).

    With --shared GROUP the database is kept in a folder of its own that the group's
    members share; every change in the audit trail names the OS login that made it.

    \b
    Examples:
      catalogue --db ./team.db db init
      catalogue --db /srv/catalogue/catalogue.db db init --shared catalogue-team
    """
    store = app.store()
    if group is not None:
        from catalogue.core.sharing import describe, share

        shared = share(store, group)
        click.echo(f"Shared with group {printable(shared.group)} and nobody else: "
                   f"{printable(shared.folder)} ({describe(shared.folder)}), "
                   f"backups in {printable(shared.backups)}, database "
                   f"({describe(store.filename)})")
    info = maintenance.status(store)
    click.echo(f"Ready: {printable(info['path'])} ({info['countries']} countries, "
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
    click.echo(f"Reseeded {printable(info['path'])} from {printable(info['data_dir'])} "
               f"at {info['seeded_at']}")


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
        raise DatabaseError(f"integrity check of {app.db_path} failed: "
                            + "; ".join(problems[:5]))
    click.echo("ok: integrity check passed")


@db.command("backup")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--force", is_flag=True, help="Replace FILE if it exists.")
@pass_app
def backup_command(app: AppContext, file: str, force: bool) -> None:
    """Copy the database to FILE, safely, even while the app is running.

    \b
    Example:
      catalogue db backup ~/backups/catalogue-2026-11-26.db
    """
    from catalogue.core.backup import backup

    click.echo(f"Backed up to {printable(backup(app.store(), file, force=force))}")


@db.command("restore")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@pass_app
def restore_command(app: AppContext, file: str, yes: bool) -> None:
    """Replace the database with the backup in FILE, after checking it is valid.

    \b
    Example:
      catalogue db restore ~/backups/catalogue-2026-11-26.db --yes
    """
    from catalogue.core.backup import check_backup, restore

    meta = check_backup(file)
    if not yes:
        click.confirm(f"Replace {printable(app.db_path)} with the backup seeded {meta.get('seeded_at')}?",
                      abort=True)
    restore(app.store(), file)
    app.close()
    app.store()  # reopen: migrates and reseeds the restored copy if it is older
    click.echo(f"Restored {printable(app.db_path)} from {printable(file)}")
