"""The explorer's detail pane: the card of the country, discipline or module under the cursor
of the pane in use, read in a worker; c copies a country's card; the palette's jumps.

The base of :class:`~catalogue.tui.screens.explorer.ExplorerScreen`, which composes the panes
(``#countries``, ``#disciplines``, ``#detail``) and lists the keys.
"""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.containers import VerticalScroll
from textual.widgets import Static, Tree

from catalogue.core import catalog_pages
from catalogue.core.card_view import card_view_of
from catalogue.tui.screens.base import CatalogueScreen
from catalogue.tui.shown import shown_text
from catalogue.tui.widgets import cards
from catalogue.tui.widgets.discipline_tree import DisciplineTree, TreeItem
from catalogue.tui.widgets.paged_table import PagedTable
from catalogue.tui.workers import Loaded, deliver


class DetailLoaded(Loaded[tuple[str, str, Text, str]]):
    """A card for the detail pane: (kind, key, text, title)."""


class CardCopied(Loaded[tuple[str, str]]):
    """A country's card as plain text, to copy: (its name, the text)."""


class ExplorerDetail(CatalogueScreen):
    """What the detail pane shows, and when it changes."""

    #: (kind, key) of the card on show: ("country", code), ("discipline", id), ("module", id).
    detail_key: tuple[str, str] | None
    #: Set when the table is focused to show a card already chosen (see :meth:`show_country`).
    _keep_detail: bool

    @work(thread=True, exclusive=True, exit_on_error=False, group="detail")
    def load_detail(self, kind: str, key: str) -> None:
        deliver(self, DetailLoaded(self._detail(kind, key)))

    def _detail(self, kind: str, key: str) -> tuple[str, str, Text, str]:
        """(kind, key, the card, its title) of a country, discipline or module."""
        if kind == "country":
            view = self.backend.call(card_view_of, key)
            return kind, key, cards.country_text(view), view.title
        if kind == "discipline":
            d = self.backend.call(catalog_pages.discipline_detail, key)
            return kind, key, cards.discipline_text(d, d.get("activity")), d["title"]
        m = self.backend.call(catalog_pages.module_detail, key)
        return kind, key, cards.module_text(m), m["title"]

    def action_copy(self) -> None:
        """Copy the country card on show (read again, so it is the card as it is now)."""
        if self.detail_key is None or self.detail_key[0] != "country":
            self.notify("Copy takes a country's card: highlight a country first",
                        severity="warning", markup=False)
            return
        self.copy_card(self.detail_key[1])

    @work(thread=True, exclusive=True, exit_on_error=False, group="copy")
    def copy_card(self, code: str) -> None:
        from catalogue.core.card_view import card_plain_text

        view = self.backend.call(card_view_of, code)
        deliver(self, CardCopied((view.title, card_plain_text(view))))

    @on(CardCopied)
    def card_copied(self, message: CardCopied) -> None:
        from catalogue.tui.copy_out import copy_out

        title, text = message.result
        copy_out(self.app, text, f"{title}'s country card")

    @on(DetailLoaded)
    def show_detail(self, message: DetailLoaded) -> None:
        kind, key, text, title = message.result
        self._show_detail(text, title, (kind, key))

    def _show_detail(self, text: Text, title: str, key: tuple[str, str] | None) -> None:
        self.query_one("#detail-body", Static).update(shown_text(text))
        detail = self.query_one("#detail", VerticalScroll)
        detail.border_title = Text(title)
        detail.scroll_home(animate=False)
        self.detail_key = key

    # ---------------------------------------------------------------- events

    @on(PagedTable.RowHighlighted, "#countries")
    def country_highlighted(self, event: PagedTable.RowHighlighted) -> None:
        if self.query_one(DisciplineTree).has_focus:
            return  # the detail pane follows the pane in use
        if event.row_id and ("country", event.row_id) != self.detail_key:
            self.load_detail("country", event.row_id)

    @on(Tree.NodeHighlighted, "#disciplines")
    def tree_highlighted(self, event: Tree.NodeHighlighted[TreeItem]) -> None:
        item = event.node.data
        tree = self.query_one(DisciplineTree)
        if tree.has_focus and item is not None and (item.kind, item.id) != self.detail_key:
            self.load_detail(item.kind, item.id)

    def on_descendant_focus(self) -> None:
        """The detail pane shows what the focused pane has under its cursor."""
        if self._keep_detail:
            self._keep_detail = False
            return
        focused = self.focused
        if isinstance(focused, DisciplineTree):
            node = focused.cursor_node
            if node is not None and node.data is not None and \
                    (node.data.kind, node.data.id) != self.detail_key:
                self.load_detail(node.data.kind, node.data.id)
        elif isinstance(focused, PagedTable):
            row = focused.selected_row()
            if row is not None and ("country", row["code"]) != self.detail_key:
                self.load_detail("country", row["code"])

    # ---------------------------------------------------------------- jumps (palette)

    def show_country(self, code: str) -> None:
        """Show a country's card, and put the table cursor on it if it is on this page."""
        table = self.query_one("#countries", PagedTable)
        table.select_id(code)
        self.load_detail("country", code)
        if not table.has_focus:
            self._keep_detail = True  # focusing the table must not replace this card
            table.focus()

    def show_item(self, kind: str, item_id: str) -> None:
        """Show a discipline or module, moving the tree cursor to it."""
        tree = self.query_one(DisciplineTree)
        tree.select_item(TreeItem(kind, item_id))
        self.load_detail(kind, item_id)
        tree.focus()
