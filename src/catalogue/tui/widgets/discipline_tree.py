"""The disciplines pane: each discipline expands to its modules."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widgets import Tree

from catalogue.core.catalog_pages import DisciplineNode

#: The marker on a discipline whose sensitivity is not public (restricted or confidential),
#: and the legend its pane shows.
NOT_PUBLIC = "◆"
LEGEND = f"{NOT_PUBLIC} not public"
EXPANDER = 2  # "▶ " before a discipline's name


@dataclass(frozen=True)
class TreeItem:
    kind: str  # "discipline" or "module"
    id: str


class DisciplineTree(Tree[TreeItem]):
    """Disciplines (with module count and hours) expanding to their modules."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Text("Disciplines"), id=id)
        self.show_root = False
        self.guide_depth = 3

    #: Columns the widest discipline's line takes (its name, counts and marker, after the
    #: expander): what the pane needs to show every name whole.
    natural_width = 0

    def load(self, disciplines: list[DisciplineNode]) -> None:
        self.clear()
        widest = 0
        for d in disciplines:
            label = Text(d.title)
            label.append(f"  {len(d.modules)}·{d.hours}h", style="dim")
            if d.sensitivity != "public":
                label.append(f" {NOT_PUBLIC}", style="yellow")
            widest = max(widest, label.cell_len + EXPANDER)
            node = self.root.add(label, data=TreeItem("discipline", d.id))
            for m in d.modules:
                node.add_leaf(Text(m["title"]), data=TreeItem("module", m["id"]))
        self.natural_width = widest
        self.root.expand()
        if self.root.children:
            self.move_cursor(self.root.children[0])

    def select_item(self, item: TreeItem) -> bool:
        """Move the cursor to a discipline or module (expanding its parent); False if absent."""
        for node in self.root.children:
            if node.data == item:
                self.move_cursor(node)
                return True
            for leaf in node.children:
                if leaf.data == item:
                    node.expand()
                    self.call_after_refresh(self.move_cursor, leaf)
                    return True
        return False
