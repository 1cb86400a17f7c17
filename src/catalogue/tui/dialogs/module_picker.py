"""Pick a module from the library: type to search titles and summaries, Enter adds it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, cast

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalGroup
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from catalogue.tui.config import SEARCH_DELAY
from catalogue.tui.workers import Loaded, WorkerResults, deliver

if TYPE_CHECKING:
    from catalogue.tui.app import CatalogueApp

TITLE_WIDTH = 56


class ModulesFound(Loaded[list[dict[str, Any]]]):
    """The library's modules matching the search (views.library_modules)."""


class ModulePickerDialog(WorkerResults, ModalScreen[str | None]):
    """Returns the chosen module id (or None). Modules already in the programme are marked."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel",
                tooltip="Close the dialog without changing anything"),
        Binding("down", "to_list", "To the list", id="picker.to-list", show=False,
                tooltip="From the search box down to the list of modules"),
    ]

    def __init__(self, already: set[str]) -> None:
        super().__init__(id="module-picker", classes="dialog-screen")
        self.already = already
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with VerticalGroup(classes="dialog picker"):
            yield Label(Text("Add a module from the library"), classes="dialog-title")
            yield Input(placeholder="Search titles and summaries (e.g. interview)",
                        id="module-search")
            yield OptionList(id="module-options")
            yield Label(Text("↓ to the list · Enter adds · Esc cancels"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#module-search", Input).focus()
        self.load_modules("")

    @work(thread=True, exclusive=True, exit_on_error=False, group="modules")
    def load_modules(self, text: str) -> None:
        from catalogue.core.views import library_modules

        deliver(self, ModulesFound(cast("CatalogueApp", self.app).backend.call(library_modules,
                                                                              text)))

    @on(ModulesFound)
    def show_modules(self, message: ModulesFound) -> None:
        modules = message.result
        options = self.query_one("#module-options", OptionList)
        options.clear_options()
        width = min(TITLE_WIDTH, max((len(m["title"]) for m in modules), default=20))
        for module in modules:
            label = Text("✓ " if module["id"] in self.already else "  ", style="green",
                         no_wrap=True, overflow="ellipsis")
            title = module["title"]
            if len(title) > width:
                title = title[:width - 1] + "…"
            label.append(title.ljust(width))
            label.append(f"  {module['discipline']} · {module['hours']} h", style="dim")
            options.add_option(Option(label, id=module["id"],
                                      disabled=module["id"] in self.already))
        if modules:
            options.highlighted = next(
                (i for i, m in enumerate(modules) if m["id"] not in self.already), None)
        else:
            options.add_option(Option(Text("No module matches", style="italic"), disabled=True))

    @on(Input.Changed, "#module-search")
    def search_changed(self, event: Input.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        value = event.value
        self._timer = self.set_timer(SEARCH_DELAY, lambda: self.load_modules(value))

    @on(Input.Submitted, "#module-search")
    def search_submitted(self) -> None:
        options = self.query_one("#module-options", OptionList)
        if options.highlighted is not None:
            option = options.get_option_at_index(options.highlighted)
            if option.id and not option.disabled:
                self.dismiss(option.id)

    @on(OptionList.OptionSelected, "#module-options")
    def option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.dismiss(event.option.id)

    def action_to_list(self) -> None:
        self.query_one("#module-options", OptionList).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
