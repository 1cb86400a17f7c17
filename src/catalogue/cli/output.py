"""One decorator gives every listing the same ``--json`` / ``--csv`` / table output."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Sequence
from typing import Any

import click

from catalogue.core.names import printable

MAX_CELL = 48


def output_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Add ``--json`` and ``--csv``; the command receives ``fmt`` ("table", "json" or "csv")."""

    @click.option("--csv", "as_csv", is_flag=True, help="Write CSV (with a header row).")
    @click.option("--json", "as_json", is_flag=True, help="Write JSON for scripts.")
    @functools.wraps(func)
    def wrapper(*args: Any, as_json: bool, as_csv: bool, **kwargs: Any) -> Any:
        if as_json and as_csv:
            raise click.UsageError("choose one of --json and --csv")
        fmt = "json" if as_json else "csv" if as_csv else "table"
        return func(*args, fmt=fmt, **kwargs)

    return wrapper


def emit(rows: Sequence[dict[str, Any]], columns: Sequence[tuple[str, str]], fmt: str,
         *, json_rows: Any = None, empty: str = "Nothing found.") -> None:
    """Print ``rows`` as a table, JSON or CSV. ``columns`` is ``[(key, heading), ...]``."""
    if fmt == "json":
        click.echo(dump_json(json_rows if json_rows is not None else list(rows)))
    elif fmt == "csv":
        import csv
        import io

        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([key for key, _ in columns])
        for row in rows:
            writer.writerow([csv_cell(row.get(key)) for key, _ in columns])
        click.echo(buffer.getvalue(), nl=False)
    elif not rows:
        click.echo(empty)
    else:
        click.echo(render_table(rows, columns))


_C1_CONTROLS = re.compile("[\x7f-\x9f]")


def dump_json(data: Any, indent: int | None = 2) -> str:
    """JSON for scripts. json escapes C0 controls itself; C1 controls (``\\x9b`` is a one-byte
    CSI to some terminals) are escaped here, so printing it can never drive the terminal."""
    text = json.dumps(data, ensure_ascii=False, indent=indent, default=str)
    return _C1_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def csv_cell(value: Any) -> str:
    """A CSV cell: lists joined with "; ", control characters shown as ``\\xNN``."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return printable("; ".join(map(str, value)))
    return printable(str(value))


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        value = ", ".join(map(str, value))
    text = printable(str(value)).replace("\n", " ")
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def render_table(rows: Sequence[dict[str, Any]], columns: Sequence[tuple[str, str]]) -> str:
    cells = [[cell(row.get(key)) for key, _ in columns] for row in rows]
    headings = [heading for _, heading in columns]
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(headings)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headings, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
              for r in cells]
    return "\n".join(lines)


def yes_no(value: Any) -> str:
    return "yes" if value else "no"
