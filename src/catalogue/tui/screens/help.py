"""F1 / ?: every key binding (with the keymap applied), its id, and where settings live."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Static

from catalogue.tui.config import config_path

if TYPE_CHECKING:
    from catalogue.tui.app import CatalogueApp


NARROW = 100


class HelpScreen(ModalScreen[None]):
    """Lists the bindings; any key listed as closing it returns to the screen beneath."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q", "close", "Close help", id="help.close",
                tooltip="Close this list"),
    ]

    def __init__(self, sections: list[tuple[str, list[Binding]]]) -> None:
        """``sections``: (where, bindings), as :func:`catalogue.tui.bindings.binding_sections`
        gives them."""
        super().__init__(id="help")
        self.sections = sections

    def compose(self) -> ComposeResult:
        with Vertical(id="help-body") as body:
            body.border_title = "Keys"
            yield Static(self._intro(), id="help-intro")
            yield DataTable(id="help-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def _intro(self) -> Text:
        app = cast("CatalogueApp", self.app)
        text = Text()
        text.append("catalogue", style="bold")
        text.append(" — keyboard first; the mouse works too. ")
        text.append("Ctrl+P", style="bold")
        text.append(" jumps to any country, discipline, module, programme or request.\n")
        text.append("Remap any key by its id in ", style="dim")
        text.append(str(app.config.path or config_path()), style="bold")
        text.append(" under [keymap]; set theme = \"…\" there too (see docs/tui.md).",
                    style="dim")
        return text

    def on_mount(self) -> None:
        table = self.query_one("#help-table", DataTable)
        # The body is 90% of the screen (all of it below 100 columns), at most 120 wide
        # (styles/help.tcss), less its border, padding and the table's scrollbar.
        screen_width = self.app.size.width
        share = 1.0 if screen_width < NARROW else 0.9
        width = max(50, min(int(screen_width * share), 120) - 6)
        id_width = 30 if screen_width >= NARROW else 28
        table.add_column("Key", width=14)
        table.add_column("What it does", width=max(20, width - 14 - id_width - 8))
        table.add_column("Binding id", width=id_width)
        keymap = cast("CatalogueApp", self.app).keymap
        for where, bindings in self.sections:
            table.add_row(Text(where, style="bold underline"), Text(""), Text(""),
                          key=f"section:{where}")
            for binding in bindings:
                keys = keymap.get(binding.id or "", binding.key)
                display = ", ".join(self.app.get_key_display(binding.with_key(k.strip()))
                                    for k in keys.split(","))
                table.add_row(Text(f"  {display}", style="bold"),
                              Text(binding.tooltip or binding.description,
                                   overflow="ellipsis", no_wrap=True),
                              Text(binding.id or "", style="dim"), key=binding.id)
        table.move_cursor(row=1)
        table.focus()

    def action_close(self) -> None:
        self.dismiss(None)
