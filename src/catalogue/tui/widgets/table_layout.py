"""Which columns of a paged table fit, and how wide each is (no Textual: plain arithmetic).

Every column is drawn ``PADDING`` cells wider on each side than its content. When the least
widths of all columns do not fit, the columns marked ``drop`` are left out, highest first; the
flexible columns share what is left, none wider than its widest cell on the page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from catalogue.tui.widgets.table_cells import ColumnSpec

#: Blank cells each side of a column's content.
PADDING = 1
#: Room kept for the vertical scrollbar.
SCROLLBAR = 2


def least_width(spec: ColumnSpec) -> int:
    """A column's content width when nothing is spare: its width, else its label's."""
    return spec.width or len(spec.label)


def columns_that_fit(specs: Sequence[ColumnSpec], width: int) -> list[ColumnSpec]:
    """Every column, unless their least widths are wider than ``width``: then the columns
    marked ``drop`` are left out, highest first, until the rest fit (or none is left to
    drop, and the table scrolls sideways)."""
    shown = list(specs)
    if not width:
        return shown

    def least(columns: list[ColumnSpec]) -> int:
        return sum(least_width(s) + 2 * PADDING for s in columns) + SCROLLBAR

    while least(shown) > width:
        droppable = [s for s in shown if s.drop]
        if not droppable:
            break
        shown.remove(max(droppable, key=lambda s: s.drop))
    return shown


def fit_widths(specs: Sequence[ColumnSpec], width: int,
               natural: Callable[[ColumnSpec], int]) -> dict[str, int]:
    """The content widths of the columns shown, in order: fixed columns as given; flexible
    ones share what is left of ``width``, none wider than ``natural(spec)`` (its widest
    cell), the narrowest needs met first."""
    shown = columns_that_fit(specs, width)
    widths = {s.key: least_width(s) for s in shown}
    flexible = [s for s in shown if s.flex]
    if not flexible or not width:
        return widths
    spare = width - 2 * PADDING * len(shown) - SCROLLBAR \
        - sum(least_width(s) for s in shown if not s.flex)
    wanted = {s.key: natural(s) for s in flexible}
    weights = sum(s.flex for s in flexible)
    order = sorted(flexible, key=lambda s: wanted[s.key] / s.flex)
    for index, spec in enumerate(order):
        # Never so much that a column still to come cannot have its least width.
        reserved = sum(least_width(s) for s in order[index + 1:])
        share = max(least_width(spec), min(wanted[spec.key], spare * spec.flex // max(1, weights),
                                           spare - reserved))
        widths[spec.key] = share
        spare -= share
        weights -= spec.flex
    return widths
