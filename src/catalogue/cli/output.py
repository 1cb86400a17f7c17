"""One decorator gives every listing the same ``--json`` / ``--csv`` / table output."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import click

from catalogue.core.names import one_line, printable, spreadsheet_safe

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


def emit(rows: Sequence[Mapping[str, Any]], columns: Sequence[tuple[str, str]], fmt: str,
         *, json_rows: Any = None, empty: str = "Nothing found.",
         wrap: Sequence[str] = ()) -> None:
    """Print ``rows`` as a table, JSON or CSV. ``columns`` is ``[(key, heading), ...]``;
    the columns named in ``wrap`` are shown whole, wrapped, in a table."""
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
        click.echo(render_table(rows, columns, wrap=wrap))


_C1_CONTROLS = re.compile("[\x7f-\x9f]")


def dump_json(data: Any, indent: int | None = 2) -> str:
    """JSON for scripts. json escapes C0 controls itself; C1 controls (``\\x9b`` is a one-byte
    CSI to some terminals) are escaped here, so printing it can never drive the terminal."""
    text = json.dumps(data, ensure_ascii=False, indent=indent, default=str)
    return _C1_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def csv_cell(value: Any) -> str:
    """A CSV cell: lists joined with "; ", control characters shown as ``\\xNN``, and text a
    spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return)
    prefixed with an apostrophe (:func:`~catalogue.core.names.spreadsheet_safe`). Every CSV
    the CLI writes goes through here; numbers stay numbers."""
    if value is None:
        return ""
    if isinstance(value, (bool, int, float)):
        return str(value)
    if isinstance(value, (list, tuple)):
        value = "; ".join(map(str, value))
    return spreadsheet_safe(printable(str(value)))


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        value = ", ".join(map(str, value))
    text = one_line(str(value))
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def render_table(rows: Sequence[Mapping[str, Any]], columns: Sequence[tuple[str, str]], *,
                 wrap: Sequence[str] = (), width: int | None = None) -> str:
    """A plain text table. Cells are cut at MAX_CELL characters, except in the ``wrap``
    columns, which are shown whole and wrapped to the terminal's width (``width``)."""
    import shutil
    import textwrap

    keys = [key for key, _ in columns]
    headings = [heading for _, heading in columns]
    texts = [[whole(row.get(key)) if key in wrap else cell(row.get(key)) for key in keys]
             for row in rows]
    widths = [max(len(h), *(len(max(r[i].split("\n"), key=len)) for r in texts))
              for i, h in enumerate(headings)]
    total = width or shutil.get_terminal_size((100, 24)).columns
    fixed = sum(w for key, w in zip(keys, widths, strict=True) if key not in wrap)
    room = max(30, (total - fixed - 2 * (len(keys) - 1)) // max(1, len(wrap)))
    widths = [min(w, room) if key in wrap else w for key, w in zip(keys, widths, strict=True)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headings, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    for row in texts:
        cells = [[line for part in text.split("\n")
                  for line in (textwrap.wrap(part, w) or [""])] if key in wrap else [text]
                 for key, text, w in zip(keys, row, widths, strict=True)]
        for n in range(max(len(c) for c in cells)):
            lines.append("  ".join((c[n] if n < len(c) else "").ljust(w)
                                   for c, w in zip(cells, widths, strict=True)).rstrip())
    return "\n".join(lines)


def whole(value: Any) -> str:
    """A cell shown in full (line breaks kept), control characters shown, not obeyed."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = ", ".join(map(str, value))
    return "\n".join(printable(line) for line in str(value).splitlines())


def yes_no(value: Any) -> str:
    return "yes" if value else "no"
