"""Columns and cells of the app's paged tables.

A :class:`ColumnSpec` says how a column reads a row (a dict from the core): its key, label,
an optional renderer, its width (fixed, or the least of a flexible column), whether it sorts,
its share of spare width, and whether it may be left out on a narrow terminal. A
:class:`Cell` makes its ``rich.text.Text`` only when it is first drawn, so stored text is
never read as markup and a page of 200 rows costs what is on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len
from rich.text import Text


@dataclass(frozen=True)
class ColumnSpec:
    key: str  # row dict key and sort key
    label: str
    render: Callable[[dict[str, Any]], Text] | None = None
    width: int | None = None  # fixed width, or the least width of a flexible column
    sortable: bool = True
    flex: int = 0  # share of the spare width (0: fixed or automatic)
    drop: int = 0  # when the columns do not fit, those with the highest drop go first (0: never)

    def cell(self, row: dict[str, Any]) -> Text:
        if self.render is not None:
            return self.render(row)
        value = row.get(self.key)
        return Text("" if value is None else str(value), no_wrap=True, overflow="ellipsis")


class Cell:
    """One cell of a page: its ``Text`` is made from the row when the cell is first drawn
    (only the rows on screen are), and its width can be read without making it."""

    __slots__ = ("_text", "row", "spec")

    def __init__(self, spec: ColumnSpec, row: dict[str, Any]) -> None:
        self.spec, self.row = spec, row
        self._text: Text | None = None

    @property
    def text(self) -> Text:
        if self._text is None:
            self._text = self.spec.cell(self.row)
        return self._text

    @property
    def cell_len(self) -> int:
        if self._text is None and self.spec.render is None:
            value = self.row.get(self.spec.key)
            return 0 if value is None else cell_len(str(value))
        return self.text.cell_len

    def __rich__(self) -> Text:
        return self.text

    def __str__(self) -> str:
        return self.text.plain
