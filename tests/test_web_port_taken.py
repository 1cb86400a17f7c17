"""``catalogue serve`` and ``catalogue publish`` on a port another program holds: one line on
stderr, exit 2, no traceback (serve used to end with an internal error, exit 70)."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest


@pytest.fixture
def taken_port() -> Iterator[int]:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        yield holder.getsockname()[1]


@pytest.mark.parametrize(("command", "extra"), [("serve", "textual_serve"),
                                                ("publish", "datasette")])
def test_a_taken_port_is_a_one_line_refusal(invoke, taken_port: int, command: str,  # type: ignore[no-untyped-def]
                                            extra: str) -> None:
    pytest.importorskip(extra)
    result = invoke(command, "--port", str(taken_port))
    assert result.exit_code == 2, result.output
    lines = [line for line in result.stderr.splitlines() if line.startswith("catalogue: ")]
    assert lines == [f"catalogue: cannot listen on 127.0.0.1:{taken_port} (Address already "
                     "in use): another program may be using that port; choose another with "
                     "--port"]
    assert "Traceback" not in result.output and "internal error" not in result.output
    # checked before the start is announced: no "Serving ... / Publishing ..." line
    assert "Serving" not in result.stderr and "Publishing" not in result.stderr, result.stderr
    assert "Ctrl+C stops it" not in result.output


def test_a_free_port_passes_the_check() -> None:
    from catalogue.web.listen import check_listen

    with socket.socket() as finder:
        finder.bind(("127.0.0.1", 0))
        port = finder.getsockname()[1]
    check_listen("127.0.0.1", port)
