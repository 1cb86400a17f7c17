"""Who is using the tool, for audit trails: the OS login name, with safe fallbacks."""

from __future__ import annotations

import os


def login_name() -> str:
    """The OS user (``getpass``), else ``$USER``/``$USERNAME``, else ``unknown``."""
    import getpass

    try:
        name = getpass.getuser()
    except (KeyError, OSError, ImportError):  # no passwd entry, e.g. in some containers
        name = os.environ.get("USER") or os.environ.get("USERNAME") or ""
    return name.strip() or "unknown"
