"""``catalogue serve``: loopback by default, and the sign-on proxy's user passed to sessions."""

from __future__ import annotations

import asyncio
import contextlib
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("textual_serve")

import aiohttp

from browser import free_port, wait_for_port
from catalogue.core.identity import SIGNED_IN_ENV
from catalogue.web.serve import app_command, signed_in_name


def test_serve_refuses_another_address_without_allow_remote(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("serve", "--host", "192.168.1.5")
    assert result.exit_code == 2
    assert "needs --allow-remote" in result.output
    assert "no sign-in of its own" in result.output and "single sign-on proxy" in result.output


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.0.0.2"])
def test_serve_on_loopback_needs_no_flag(invoke, monkeypatch: pytest.MonkeyPatch, host: str) -> None:  # type: ignore[no-untyped-def]
    import catalogue.web.serve as web_serve

    seen: dict[str, Any] = {}
    monkeypatch.setattr(web_serve, "run", lambda *a, **k: seen.update(args=a, kwargs=k))
    monkeypatch.setattr("catalogue.web.listen.check_listen",
                        lambda h, p: seen.update(checked=(h, p)))
    result = invoke("serve", "--host", host, "--port", "8123")
    assert result.exit_code == 0, result.output
    assert "warning" not in result.output
    assert seen["args"][1:] == (host, 8123) == seen["checked"]


def test_serve_elsewhere_with_allow_remote_says_why(invoke, monkeypatch: pytest.MonkeyPatch,
                                                   db_path: Path) -> None:  # type: ignore[no-untyped-def]
    import catalogue.web.serve as web_serve

    seen: dict[str, Any] = {}
    monkeypatch.setattr(web_serve, "run", lambda *a, **k: seen.update(args=a, kwargs=k))
    monkeypatch.setattr("catalogue.web.listen.check_listen",
                        lambda h, p: seen.update(checked=(h, p)))
    result = invoke("serve", "--host", "0.0.0.0", "--allow-remote", "--user-header",
                    "X-Forwarded-User", "--public-url", "https://catalogue.example.org")
    assert result.exit_code == 0, result.output
    assert "warning: catalogue serve has no sign-in of its own" in result.output
    assert seen["args"][0] == str(db_path)
    assert seen["kwargs"]["user_header"] == "X-Forwarded-User"
    assert seen["checked"] == ("0.0.0.0", 8000)


def test_each_session_runs_the_app_on_the_database() -> None:
    command = app_command("/srv/team register/catalogue.db")
    assert command.endswith("-m catalogue --db '/srv/team register/catalogue.db' tui")


def test_signed_in_names_are_printable_and_short() -> None:
    assert signed_in_name(" alice@example.org\x1b[2J\n") == "alice@example.org[2J"
    assert len(signed_in_name("x" * 1000)) == 200


RECORDER = ("import json, os, sys; open(sys.argv[1], 'a').write(json.dumps("
            f"os.environ.get({SIGNED_IN_ENV!r})) + '\\n')")


@pytest.fixture
def recording_server(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A real TeamServer whose 'app' writes the signed-in user it was given to a file."""
    import shlex

    record = tmp_path / "sessions.jsonl"
    command = shlex.join([sys.executable, "-c", RECORDER, str(record)])
    port = free_port()
    script = ("import sys; from catalogue.web.serve import TeamServer; "
              f"TeamServer({command!r}, host='127.0.0.1', port={port}, "
              "user_header='X-Forwarded-User').serve()")
    server = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        wait_for_port(port, 30)
        yield port, record
    finally:
        server.terminate()
        server.wait(10)


async def _session(port: int, headers: dict[str, str], record: Path, lines: int) -> None:
    """Open a session; return once the record has ``lines`` lines or the server closed it."""
    async with aiohttp.ClientSession() as session, \
            session.ws_connect(f"http://127.0.0.1:{port}/ws?width=80&height=24",
                               headers=headers) as ws:
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and not ws.closed:
            if record.exists() and len(record.read_text().splitlines()) >= lines:
                return
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(ws.receive(), 0.1)


def test_the_proxys_user_reaches_each_session_and_none_without_it(recording_server) -> None:  # type: ignore[no-untyped-def]
    port, record = recording_server
    hostile = "bob'; touch /tmp/catalogue-pwned; echo '$(id)`id`"
    asyncio.run(_session(port, {"X-Forwarded-User": "alice@example.org"}, record, 1))
    asyncio.run(_session(port, {}, record, 2))  # refused: closed, no session starts
    asyncio.run(_session(port, {"X-Forwarded-User": hostile}, record, 2))
    lines = record.read_text().splitlines()
    assert [json.loads(line) for line in lines] == ["alice@example.org", hostile]
    assert not Path("/tmp/catalogue-pwned").exists()
