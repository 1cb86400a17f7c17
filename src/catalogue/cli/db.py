"""``catalogue db``: where the database is, and keeping it healthy."""

from __future__ import annotations

import os

import click

from catalogue.cli.context import AppContext, pass_app
from catalogue.core import maintenance
from catalogue.core.counting import plural
from catalogue.core.errors import DatabaseError, NotFoundError
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
    click.echo(f"Ready: {printable(info['path'])} ({plural(info['countries'], 'country')}, "
               f"{plural(info['modules'], 'module')}, seeded {info['seeded_at']})")


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
    """Check the database: SQLite's integrity check, the search indexes, and that every
    request's audit trail is unbroken (each event sealed in a hash chain) and ends at the
    request's state. Problems name the requests affected (exit 4). A path with no database
    is reported (exit 1) and nothing is created. The check only reads: a database another
    program is writing, or a read-only one, is checked as it stands (one that nobody may
    read just now is reported busy, exit 4: try again).

    \b
    Example:
      catalogue db check
    """
    if not os.path.exists(os.path.expanduser(app.db_path)):
        raise NotFoundError(f"no database at {app.db_path}; nothing was created")
    store = app.store()
    problems = maintenance.integrity_problems(store)
    if problems:
        raise DatabaseError(f"integrity check of {app.db_path} failed: "
                            + "; ".join(problems[:5]))
    audit = maintenance.audit_problems(store)
    if audit:
        raise DatabaseError(maintenance.audit_summary(audit))
    click.echo("ok: integrity check passed; every request's audit trail is whole and ends "
               "at its state")


@db.command("backup")
@click.argument("file", metavar="FILE|FOLDER/", type=click.Path())
@click.option("--force", is_flag=True, help="Replace the backup file if it exists.")
@click.option("--damaged", is_flag=True,
              help="Copy the database even though it fails the integrity check (the copy is "
                   "damaged too), e.g. to keep what can be saved before repairing it.")
@pass_app
def backup_command(app: AppContext, file: str, force: bool, damaged: bool) -> None:
    """Copy the database to FILE, safely, even while the app is running. The database is
    checked first; a damaged one is refused (exit 4) unless --damaged is given.

    Given a folder (one that exists, or any name ending in /), the backup is written
    inside it as DATABASE-YYYYMMDDTHHMMZ.db (the database's name and the UTC time, e.g.
    catalogue-20261126T1352Z.db) and the line printed names the file. A folder that does
    not exist is refused (exit 6): it is never taken for a file name.

    \b
    Examples:
      catalogue db backup ~/backups/catalogue-2026-11-26.db
      catalogue db backup ~/backups/
    """
    from catalogue.core.backup import backup, damage

    store = app.store()
    problems = damage(store) if damaged else []
    written = printable(backup(store, file, force=force, damaged=damaged))
    if problems:
        click.echo(f"Backed up a DAMAGED database to {written}: it fails the integrity check "
                   f"({printable(problems[0])}); so does the copy")
    else:
        click.echo(f"Backed up to {written} (integrity check passed)")


@db.command("restore")
@click.argument("file", type=click.Path())
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@pass_app
def restore_command(app: AppContext, file: str, yes: bool) -> None:
    """Replace the database with the backup in FILE, after checking it is valid.

    A FILE that does not exist exits 1; the database itself given as FILE exits 2; a
    file that is not a healthy catalogue database exits 4. Answering no to the question
    restores nothing and exits 0.

    \b
    Example:
      catalogue db restore ~/backups/catalogue-2026-11-26.db --yes
    """
    from catalogue.core.backup import check_backup, refuse_itself, restore

    store = app.store()
    refuse_itself(store, file)
    meta = check_backup(file)
    if not yes and not click.confirm(f"Replace {printable(app.db_path)} with the backup seeded "
                                     f"{meta.get('seeded_at')}?", default=False):
        click.echo(f"Nothing restored: {printable(app.db_path)} is as it was.")
        return
    restore(store, file)
    app.close()
    app.store()  # reopen: migrates and reseeds the restored copy if it is older
    click.echo(f"Restored {printable(app.db_path)} from {printable(file)}")
