"""Whether a server can listen on an address, asked before it starts: a port another
program holds is a one-line refusal, not a traceback from deep inside the web server."""

from __future__ import annotations

import socket

from catalogue.core.errors import InvalidInputError
from catalogue.core.names import printable


def check_listen(host: str, port: int) -> None:
    """Bind a probe socket to ``host:port`` (as the servers do, with SO_REUSEADDR) and let
    it go; refuse with the system's reason when that fails."""
    where = f"{printable(host)}:{port}"
    try:
        family, kind, proto, _name, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM)[0]
    except (socket.gaierror, UnicodeError) as exc:
        reason = exc.strerror if isinstance(exc, socket.gaierror) else str(exc)
        raise InvalidInputError(f"cannot listen on {where}: {reason}") from None
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            raise InvalidInputError(
                f"cannot listen on {where} ({exc.strerror or exc}): another program may be "
                "using that port; choose another with --port") from None
