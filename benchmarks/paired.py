"""Paired timing of whole processes: each target run is timed next to its baseline.

Absolute times on a shared machine are noise; the ratio of a target to a baseline measured in
the same moment is not. Each round runs the baseline and every target once, in a rotating
order, and the reported figure is the median of the per-round ratios.

Full-screen programs (the Textual app) run on a pseudo-terminal of a fixed size
(:func:`run_in_pty`), drained by a thread, so they draw exactly as they would for a user.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

Command = Sequence[str] | Callable[[], Sequence[str]]
Runner = Callable[[Sequence[str], dict[str, str]], tuple[float, float]]


@dataclass
class Timing:
    name: str
    seconds: list[float] = field(default_factory=list)
    ratios: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # user + system seconds, when known

    @property
    def median_ms(self) -> float:
        return statistics.median(self.seconds) * 1000

    @property
    def ratio(self) -> float:
        return statistics.median(self.ratios) if self.ratios else 1.0

    @property
    def median_cpu_ms(self) -> float | None:
        return statistics.median(self.cpu) * 1000 if self.cpu else None


@dataclass
class Figure:
    """One reported figure: checked as a ratio (``unit="x"``) or an absolute time (``"ms"``)."""

    name: str
    median_ms: float | None = None
    ratio: float | None = None
    limit: float | None = None
    unit: str = "x"
    note: str = ""

    @property
    def value(self) -> float | None:
        return self.ratio if self.unit == "x" else self.median_ms

    @property
    def ok(self) -> bool:
        return self.limit is None or (self.value is not None and self.value <= self.limit)

    @classmethod
    def from_timing(cls, timing: Timing, limit: float | None, note: str = "") -> Figure:
        return cls(timing.name, timing.median_ms, timing.ratio, limit, "x", note)


def bench_env() -> dict[str, str]:
    """The environment for timed processes: bytecode caches allowed, as for an installed tool."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _wait(process: subprocess.Popen[bytes], timeout: float) -> tuple[int, float]:
    """Wait for ``process``; (exit status, its user + system CPU seconds)."""
    deadline = time.monotonic() + timeout
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            process.returncode = os.waitstatus_to_exitcode(status)
            return process.returncode, usage.ru_utime + usage.ru_stime
        if time.monotonic() > deadline:
            process.kill()
            process.wait()
            raise RuntimeError(f"{process.args!r} did not finish within {timeout:g} s")
        time.sleep(0.0005)


def run_once(argv: Sequence[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run; raises if it fails."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=errors, env=env)
        status, cpu = _wait(process, 300.0)
        elapsed = time.perf_counter() - start
        if status != 0:
            errors.seek(0)
            raise RuntimeError(f"{' '.join(argv)} failed: {errors.read().decode()[-300:]}")
    return elapsed, cpu


PTY_SIZE = (160, 50)  # columns, rows


def run_in_pty(argv: Sequence[str], env: dict[str, str], size: tuple[int, int] = PTY_SIZE,
               timeout: float = 120.0) -> tuple[float, float, int, bytes]:
    """Run ``argv`` with stdin/stdout/stderr on a new pseudo-terminal of ``size``.

    Returns (seconds from start to exit, CPU seconds, exit status, everything it drew). A
    thread reads the terminal continuously so the program never blocks on a full buffer.
    """
    import fcntl
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    columns, rows = size
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    chunks: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:
                return
            if not data:
                return
            chunks.append(data)

    env = {**env, "TERM": "xterm-256color", "COLORTERM": "truecolor",
           "COLUMNS": str(columns), "LINES": str(rows)}
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                               start_new_session=True, close_fds=True)
    os.close(slave)
    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        status, cpu = _wait(process, timeout)
        elapsed = time.perf_counter() - start
    finally:
        reader.join(timeout=5)
        os.close(master)
    return elapsed, cpu, status, b"".join(chunks)


def pty_runner(argv: Sequence[str], env: dict[str, str]) -> tuple[float, float]:
    elapsed, cpu, status, output = run_in_pty(argv, env)
    if status != 0:
        tail = output[-400:].decode(errors="replace")
        raise RuntimeError(f"{' '.join(argv)} exited {status}: {tail}")
    return elapsed, cpu


def paired(baseline: Command, targets: dict[str, Command], rounds: int = 25,
           warmup: int = 3, env: dict[str, str] | None = None,
           runner: Runner = run_once) -> list[Timing]:
    """Time ``baseline`` and every target once per round (rotating order), ``rounds`` times.

    A command may be a callable returning the argv, for runs that need a fresh file each time.
    """
    env = env or bench_env()
    names = ["baseline", *targets]
    commands: dict[str, Command] = {"baseline": baseline, **targets}

    def run(name: str) -> tuple[float, float]:
        command = commands[name]
        return runner(command() if callable(command) else command, env)

    for _ in range(warmup):
        for name in names:
            run(name)
    timings = {name: Timing(name) for name in names}
    for round_no in range(rounds):
        order = names[round_no % len(names):] + names[: round_no % len(names)]
        took = {name: run(name) for name in order}
        for name in names:
            timings[name].seconds.append(took[name][0])
            timings[name].cpu.append(took[name][1])
            timings[name].ratios.append(took[name][0] / took["baseline"][0])
    return list(timings.values())


def python() -> str:
    return sys.executable
