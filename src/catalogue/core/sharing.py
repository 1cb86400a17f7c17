"""One register for a team: the database shared with one Unix group and nobody else.

:func:`share` turns the database's folder into a setgid folder (``2770``: the group can
create files, and files created in it belong to the group), and the database with its
``-wal``, ``-shm`` and ``-journal`` files, and the ``backups`` folder beside it, into files
of that group (``0660`` / ``2770``). Others get no access at all. SQLite creates the ``-wal``
and ``-shm`` files with the database's own permissions, so they stay shared. The group is
recorded in ``_meta`` (``shared_group``): backups of a shared register are written for the
group too, and policy rules that apply to shared registers (``[duties]``) take effect.

The same call converts an existing private database (see docs/deploy.md). It refuses a
folder that holds other files, so a home folder is never opened up to a group.
"""

from __future__ import annotations

import contextlib
import os
import stat
from dataclasses import dataclass

from catalogue.core.errors import InvalidInputError, RefusedError
from catalogue.core.store import Store

FOLDER_MODE = 0o2770
FILE_MODE = 0o660
BACKUPS = "backups"
META_KEY = "shared_group"
SIDE_FILES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class Shared:
    """What :func:`share` did."""

    group: str
    gid: int
    folder: str
    backups: str
    files: tuple[str, ...]


def group_id(group: str) -> int:
    """The id of a Unix group named ``group`` (a usage error when there is none)."""
    import grp

    name = (group or "").strip()
    if not name or not name.isprintable():
        raise InvalidInputError("give the name of a Unix group", fields=("shared",))
    try:
        return grp.getgrnam(name).gr_gid
    except KeyError:
        raise InvalidInputError(f"no Unix group named {name!r} on this host "
                                "(create it first: groupadd NAME, then usermod -aG NAME USER)"
                                ) from None


def shared_group(store: Store) -> str | None:
    """The group the register is shared with, or None for a private database."""
    return store.meta(META_KEY)


def _own_files(folder: str, db_name: str) -> set[str]:
    return {db_name, *(db_name + s for s in SIDE_FILES), BACKUPS}


def _check_folder(folder: str, db_name: str) -> None:
    """Refuse to open up a folder that holds anything but this database and its backups."""
    own = _own_files(folder, db_name)
    others = sorted(name for name in os.listdir(folder)
                    if name not in own and not name.startswith(".catalogue-"))
    if others:
        shown = ", ".join(others[:3]) + (" ..." if len(others) > 3 else "")
        raise RefusedError(f"{folder} holds other files ({shown}); a shared register needs a "
                           "folder of its own (e.g. /srv/catalogue): back the database up "
                           "there and share that copy (docs/deploy.md)")


def _set(path: str, gid: int, mode: int) -> None:
    os.chown(path, -1, gid)
    os.chmod(path, mode)  # after chown, which may clear the setgid bit


def share(store: Store, group: str) -> Shared:
    """Share the open database with ``group`` (and nobody else); idempotent."""
    gid = group_id(group)
    name = group.strip()
    path = os.path.abspath(store.filename)
    folder, db_name = os.path.split(path)
    _check_folder(folder, db_name)
    if os.getuid() != 0 and gid not in os.getgroups() and gid != os.getgid():
        raise RefusedError(f"you are not a member of group {name!r}, so cannot share with it "
                           f"(usermod -aG {name} $USER, then log in again)")
    backups = os.path.join(folder, BACKUPS)
    try:
        with contextlib.suppress(FileExistsError):
            os.mkdir(backups, 0o700)
        with store.write() as conn:  # records the group, and holds writers off meanwhile
            conn.execute("INSERT OR REPLACE INTO _meta (key, value) VALUES (?, ?)",
                         (META_KEY, name))
            _set(folder, gid, FOLDER_MODE)
            _set(backups, gid, FOLDER_MODE)
            files = [path, *(path + s for s in SIDE_FILES if os.path.exists(path + s))]
            for file in files:
                _set(file, gid, FILE_MODE)
            for entry in os.scandir(backups):
                if entry.is_file(follow_symlinks=False):
                    _set(entry.path, gid, FILE_MODE)
    except OSError as exc:
        raise RefusedError(f"cannot share {folder} with group {name!r} "
                           f"({exc.strerror}: {exc.filename})") from None
    return Shared(name, gid, folder, backups, tuple(files))


def describe(path: str) -> str:
    """``2770 team`` for a path: its permission bits and group (for messages and checks)."""
    import grp

    info = os.stat(path)
    try:
        group = grp.getgrgid(info.st_gid).gr_name
    except KeyError:
        group = str(info.st_gid)
    return f"{stat.S_IMODE(info.st_mode):04o} {group}"


def protect_backup(store: Store, path: str) -> None:
    """Give a backup file the register's permissions: the group's for a shared register."""
    group = shared_group(store)
    if group is None:
        os.chmod(path, 0o600)
        return
    with contextlib.suppress(InvalidInputError):
        os.chown(path, -1, group_id(group))
    os.chmod(path, FILE_MODE)
