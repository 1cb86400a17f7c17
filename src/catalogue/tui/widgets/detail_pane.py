"""The explorer's detail pane: a scrolling card that `z` can zoom to fill the screen."""

from __future__ import annotations

from textual.containers import VerticalScroll


class DetailPane(VerticalScroll):
    """A focusable, scrolling pane for a card.

    Textual's scroll containers refuse to be maximized, so `z` on the detail pane did nothing,
    and at 80x24 the pane shows five lines of a card that runs to well over a hundred. This
    pane may be maximized like the table and the tree.
    """

    ALLOW_MAXIMIZE = True
