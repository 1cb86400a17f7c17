"""Helpers for the team tests: a Unix group to share with, and other OS accounts to act as."""

from __future__ import annotations

import functools
import grp
import os
import pwd
import site
import subprocess
import sys

import pytest

#: Accounts every Debian system has; a test runs processes as them to be other people.
OTHER_ACCOUNTS = ("daemon", "bin", "sys", "sync", "games", "man", "lp", "mail", "news", "uucp",
                  "proxy", "www-data", "backup", "list", "irc", "nobody")


def share_group() -> str:
    """A group the test may share a register with: one the user is in (root: any other)."""
    if os.geteuid() == 0:
        for name in ("staff", "users", "src", "operator"):
            try:
                grp.getgrnam(name)
                return name
            except KeyError:
                continue
    for gid in os.getgroups():
        if gid != os.getgid():
            return grp.getgrgid(gid).gr_name
    pytest.skip("no group to share with: the user belongs to no supplementary group")


def other_accounts(count: int) -> list[str]:
    """``count`` OS accounts the test can run processes as (needs root to switch to them)."""
    if os.geteuid() != 0:
        pytest.skip("running processes as other OS users needs root (CI runs as root)")
    found = []
    for name in OTHER_ACCOUNTS:
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        found.append(name)
    if len(found) < count:
        pytest.skip(f"this host has {len(found)} of the {count} system accounts needed")
    return found[:count]


@functools.cache
def _interpreter(user: str) -> tuple[str, ...]:
    """A Python the other account may run, with this environment's packages: this one when
    it can, else the system's Python of the same version with our site-packages added."""
    here = (sys.executable, "-c")
    probe = "import catalogue.cli.main"
    candidates = [here]
    system = f"/usr/bin/python{sys.version_info[0]}.{sys.version_info[1]}"
    if os.path.exists(system):
        paths = [*site.getsitepackages()]
        candidates.append((system, "-c", f"import site; [site.addsitedir(p) for p in {paths!r}]; "))
    for candidate in candidates:
        code = probe if candidate == here else candidate[2] + probe
        try:
            done = subprocess.run([candidate[0], "-c", code], user=user, capture_output=True,
                                  env={"HOME": "/tmp", "PATH": "/usr/bin:/bin"}, timeout=60,
                                  check=False)
        except OSError:
            continue
        if done.returncode == 0:
            return candidate
    pytest.skip(f"no Python this environment's packages run with is executable by {user} "
                f"(tried {sys.executable} and {system})")


def run_as(user: str, group: str, code: str, *args: str, timeout: float = 120,
           env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run Python ``code`` as OS account ``user`` with ``group`` as an extra group."""
    interpreter = _interpreter(user)
    prefix = interpreter[2] if len(interpreter) > 2 else ""
    gid = grp.getgrnam(group).gr_gid
    return subprocess.run([interpreter[0], "-c", prefix + code, *args], user=user, group=gid,
                          extra_groups=[gid], capture_output=True, text=True, timeout=timeout,
                          env={"HOME": "/tmp", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
                               **(env or {})}, check=False)


CLI = "import sys; from catalogue.cli.main import run; sys.argv = ['catalogue', *sys.argv[1:]]; run()"


def cli_as(user: str, group: str, *args: str) -> subprocess.CompletedProcess[str]:
    """The ``catalogue`` command run as OS account ``user`` (a member of ``group``)."""
    return run_as(user, group, CLI, *args)
