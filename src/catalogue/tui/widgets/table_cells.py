"""Columns and cells of the app's paged tables.

A :class:`ColumnSpec` says how a column reads a row (a dict from the core): its key, label,
an optional renderer, its width (fixed, or the least of a flexible column), whether it sorts,
its share of spare width, and whether it may be left out on a narrow terminal. Cells are
``rich.text.Text`` (stored text is never read as markup, and is shown on one line with its
control characters, bidirectional overrides and line breaks made visible: core one_line() for
stored values, :mod:`catalogue.tui.shown` for rendered cells), made when a row is first drawn.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len
from rich.text import Text

from catalogue.core.names import one_line
from catalogue.tui.shown import shown_text


@dataclass(frozen=True)
class ColumnSpec:
    key: str  # row dict key and sort key
    label: str
    render: Callable[[Mapping[str, Any]], Text] | None = None
    width: int | None = None  # fixed width, or the least width of a flexible column
    sortable: bool = True
    flex: int = 0  # share of the spare width (0: fixed or automatic)
    drop: int = 0  # when the columns do not fit, those with the highest drop go first (0: never)

    def cell(self, row: Mapping[str, Any]) -> Text:
        if self.render is not None:
            return shown_text(self.render(row))
        value = row.get(self.key)
        return Text("" if value is None else one_line(str(value)), no_wrap=True,
                    overflow="ellipsis")


def cell_width(spec: ColumnSpec, row: Mapping[str, Any]) -> int:
    """How wide a column's cell for ``row`` is, without making its ``Text`` when the column
    shows the stored value as it is."""
    if spec.render is None:
        value = row.get(spec.key)
        return 0 if value is None else cell_len(one_line(str(value)))
    return spec.cell(row).cell_len
