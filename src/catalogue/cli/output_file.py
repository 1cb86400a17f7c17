"""``-o FILE``, the output file of the commands that write documents and feeds.

Its own module: ``pathlib`` (which click's ``Path`` type hands back) costs 2.6 ms to import,
and the quick lookup, which writes no file, imports the blank-name check next door
(docs/performance.md).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click


class OutputFile(click.Path):
    """``-o FILE``: a file to write, as a ``Path``; an empty or blank name is a usage error
    (click would take "" for the current directory)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(path_type=Path, **kwargs)

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> Any:
        if isinstance(value, str) and not value.strip():
            self.fail("it is empty; give a file name", param, ctx)
        return super().convert(value, param, ctx)
