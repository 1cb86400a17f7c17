"""Writing an output file so that it is either complete or not there at all.

The bytes go to a temporary file in the target's directory, are flushed to disk, and the
temporary file is then renamed over the target (``os.replace``). Without ``force`` an
existing target is never replaced: the final step links the temporary file into place,
which fails if the name has appeared in the meantime. Files are created owner-only (0600),
like the database, because an unredacted export may hold confidential details.

A process killed outright (SIGKILL) cannot remove its temporary file; its name carries the
process id, and the next write to the same target removes temporary files of processes that
no longer exist. The target itself is never partial.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from catalogue.core.errors import OutputError


def check_target(path: Path, force: bool) -> Path:
    """Fail early (before any work) if ``path`` cannot be written."""
    target = Path(path).expanduser()
    parent = target.parent
    try:
        if not parent.exists():
            raise OutputError(f"cannot write {target}: directory {parent} does not exist")
        if not parent.is_dir():
            raise OutputError(f"cannot write {target}: {parent} is not a directory")
        if target.is_dir():
            raise OutputError(f"cannot write {target}: it is a directory")
        if target.exists() and not force:
            raise OutputError(f"{target} already exists", fields=("overwrite",))
    except (OSError, ValueError) as exc:  # a name too long, a NUL character ...
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise OutputError(f"cannot write {target} ({reason})") from None
    return target


def write_atomic(path: Path, data: bytes, *, force: bool = False) -> Path:
    """Write ``data`` to ``path`` atomically; refuses to overwrite unless ``force``."""
    target = check_target(path, force)
    sweep_stale(target.parent, f".{target.name}.", ".tmp")
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp",
                                         dir=target.parent)
    except OSError as exc:
        raise OutputError(f"cannot write {target} ({exc.strerror or exc}); nothing was written") \
            from None
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if force:
            os.replace(temp, target)
        else:
            _link_no_clobber(temp, target)
    except OSError as exc:
        raise OutputError(f"cannot write {target} ({exc.strerror or exc}); nothing was written") \
            from None
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()
    return target


def _link_no_clobber(temp: Path, target: Path) -> None:
    """Put ``temp`` at ``target`` only if ``target`` does not exist."""
    try:
        os.link(temp, target)
    except FileExistsError:
        raise OutputError(f"{target} already exists", fields=("overwrite",)) from None
    except OSError:
        # A file system without hard links: check, then rename (a tiny race remains).
        if target.exists():
            raise OutputError(f"{target} already exists", fields=("overwrite",)) from None
        os.replace(temp, target)



def sweep_stale(folder: Path, prefix: str, suffix: str) -> list[str]:
    """Remove temporary files named ``{prefix}{pid}.{random}{suffix}`` whose process is gone.

    A process killed outright (SIGKILL, power cut) cannot remove its temporary file; the next
    write to the same target does. Files of a live process, or of one that cannot be checked,
    are left alone. POSIX only (elsewhere nothing is removed). Returns the names removed.
    """
    if os.name != "posix":
        return []
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    removed = []
    for name in names:
        if not (name.startswith(prefix) and name.endswith(suffix)):
            continue
        pid, dot, rest = name[len(prefix):len(name) - len(suffix)].partition(".")
        if not (pid.isascii() and pid.isdigit() and dot and rest) or _alive(int(pid)):
            continue
        with contextlib.suppress(OSError):
            os.remove(os.path.join(folder, name))
            removed.append(name)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists but is not ours, or cannot be checked: leave its files alone
        return True
    return True
