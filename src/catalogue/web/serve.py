"""``catalogue serve``: the app in a browser, through textual-serve.

Each browser tab gets its own app process on the shared database. textual-serve has no
authentication of its own: it is bound to the loopback address unless told otherwise, and
meant to sit behind the organisation's single sign-on proxy. When that proxy names the
signed-in user in a trusted header (``--user-header``), each session's process is started
with the name in ``CATALOGUE_SIGNED_IN_USER``, and the audit trail records it beside the
service's OS login; a session without the header is refused.
"""

from __future__ import annotations

import asyncio
import logging
import shlex
import sys
from typing import Any

from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from catalogue.core.identity import SIGNED_IN_ENV

log = logging.getLogger("catalogue.serve")
MAX_NAME = 200


def app_command(db_path: str, config: str | None = None) -> str:
    """The shell command that runs one app session on ``db_path``."""
    parts = [sys.executable, "-m", "catalogue", "--db", db_path, "tui"]
    if config:
        parts += ["--config", config]
    return shlex.join(parts)


def signed_in_name(value: str) -> str:
    """The header's name, printable and at most 200 characters ("" when none)."""
    return "".join(ch for ch in value if ch.isprintable()).strip()[:MAX_NAME]


async def relay(websocket: web.WebSocketResponse, app_service: AppService) -> None:
    """Pass the browser's keys, resizes and focus changes to the session (textual-serve's
    protocol: JSON envelopes ``[type, data]``)."""
    async for message in websocket:
        if message.type != WSMsgType.TEXT:
            continue
        envelope = message.json()
        if not isinstance(envelope, list) or not envelope:
            continue
        kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
        if kind == "stdin" and isinstance(data, str):
            await app_service.send_bytes(data.encode("utf-8"))
        elif kind == "resize" and isinstance(data, dict):
            await app_service.set_terminal_size(to_int(str(data.get("width")), 80),
                                                to_int(str(data.get("height")), 24))
        elif kind == "ping":
            await websocket.send_json(["pong", data])
        elif kind == "blur":
            await app_service.blur()
        elif kind == "focus":
            await app_service.focus()


class TeamServer(Server):
    """textual-serve's server, passing the proxy's signed-in user to each session."""

    def __init__(self, command: str, *, user_header: str | None = None, **kwargs: Any) -> None:
        super().__init__(command, **kwargs)
        self.user_header = user_header

    def session_command(self, request: web.Request) -> str | None:
        """The command for this session (None: refuse it, the sign-on header is missing)."""
        if not self.user_header:
            return self.command
        name = signed_in_name(request.headers.get(self.user_header, ""))
        if not name:
            return None
        return f"{SIGNED_IN_ENV}={shlex.quote(name)} {self.command}"

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """As textual-serve's own, with the session's command chosen per request."""
        websocket = web.WebSocketResponse(heartbeat=15)
        command = self.session_command(request)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        app_service: AppService | None = None
        try:
            await websocket.prepare(request)
            if command is None:
                log.warning("refused a session without the %s header", self.user_header)
                await websocket.close(message=b"not signed in")
                return websocket
            async def close() -> None:
                await websocket.close()

            app_service = AppService(command, write_bytes=websocket.send_bytes,
                                     write_str=websocket.send_str, close=close,
                                     download_manager=self.download_manager, debug=self.debug)
            await app_service.start(width, height)
            try:
                await relay(websocket, app_service)
            finally:
                await app_service.stop()
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:
            log.exception(error)
        finally:
            if app_service is not None:
                await app_service.stop()
        return websocket


def run(db_path: str, host: str, port: int, *, public_url: str | None,
        user_header: str | None, config: str | None) -> None:
    server = TeamServer(app_command(db_path, config), host=host, port=port,
                        title="Training catalogue", public_url=public_url,
                        user_header=user_header)
    server.serve()
