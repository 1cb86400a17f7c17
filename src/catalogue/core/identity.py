"""Who is using the tool, for audit trails.

Two identities are kept apart:

- the **login**: the operating-system account running the process (from its user id).
  Nothing a user types, nor ``$USER``, can change it; on a shared register it is what the audit
  trail attributes each change to;
- the **signed-in user**: when the app is served to browsers (``catalogue serve``) behind the
  organisation's single sign-on proxy, every session runs under the service's login, and the
  proxy's trusted header names the person. ``catalogue serve`` passes it to each session in
  ``CATALOGUE_SIGNED_IN_USER``; the audit trail records it beside the login.

A name typed into ``--by`` (or the app's "by" field) is recorded as the person the change was
made *on behalf of*, never instead of either identity.
"""

from __future__ import annotations

import os
from typing import NamedTuple

#: Set by ``catalogue serve`` for each browser session from the proxy's trusted header.
SIGNED_IN_ENV = "CATALOGUE_SIGNED_IN_USER"
_MAX_NAME = 200


def login_name() -> str:
    """The OS user (``getpass``), else ``$USER``/``$USERNAME``, else ``unknown``."""
    import getpass

    try:
        name = getpass.getuser()
    except (KeyError, OSError, ImportError):  # no passwd entry, e.g. in some containers
        name = os.environ.get("USER") or os.environ.get("USERNAME") or ""
    return name.strip() or "unknown"


def os_login() -> str:
    """The account the process runs as, from its user id (``$USER`` cannot change it).

    For the audit trail. Without a passwd entry (some containers) it is ``uid N``.
    """
    import pwd

    uid = os.geteuid()
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return f"uid {uid}"


def signed_in_user() -> str | None:
    """The signed-in user passed on by ``catalogue serve`` (printable, at most 200 chars)."""
    raw = os.environ.get(SIGNED_IN_ENV, "")
    name = "".join(ch for ch in raw if ch.isprintable()).strip()[:_MAX_NAME]
    return name or None


class Actor(NamedTuple):
    """Who is making a change: the OS login and, when served, the signed-in user."""

    login: str
    signed_in: str | None

    @property
    def person(self) -> str:
        """The accountable person: the signed-in user when there is one, else the login."""
        return self.signed_in or self.login


def current_actor() -> Actor:
    return Actor(os_login(), signed_in_user())


def default_name() -> str:
    """What a "by" field starts with: the signed-in user, else the login name."""
    return signed_in_user() or login_name()


def attribution(by: str, login: str | None, signed_in: str | None = None) -> str:
    """How an audit row reads: ``alice``, or ``alice on behalf of A. Jones``.

    Rows written before logins were recorded (``login`` None) keep the name they had.
    """
    if not login:
        return by
    person = f"{signed_in} (signed in; login {login})" if signed_in else login
    if by and by not in (login, signed_in):
        return f"{person} on behalf of {by}"
    return person
