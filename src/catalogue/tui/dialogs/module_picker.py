"""Pick a module from the library: type to search titles and summaries, Enter adds it.

Enter adds the module the list shows for the text now in the search box, chosen by its id:
typed ahead of a list still loading, Enter (or ↓ to the list) waits for that list, holding the
keys behind it (:meth:`~catalogue.tui.key_order.OrderedKeys.hold_keys`), so a fast typist
never adds a row of a list that was on screen for an earlier search.
"""

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
from catalogue.tui.workers import Loaded, WorkerResults, deliver, report_failure

if TYPE_CHECKING:
    from catalogue.tui.app import CatalogueApp

TITLE_WIDTH = 56


class ModulesFound(Loaded[tuple[str, list[dict[str, Any]]]]):
    """The search text, and the library's modules matching it (views.library_modules)."""


class ModulePickerDialog(WorkerResults, ModalScreen[str | None]):
    """Returns the chosen module id (or None). Modules already in the programme are marked."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel",
                tooltip="Close the dialog without changing anything"),
        Binding("down", "to_list", "To the list", id="picker.to-list", show=False,
                tooltip="From the search box down to the list of modules"),
        Binding("enter", "choose", "Add", id="picker.add", priority=True,
                tooltip="Add the highlighted module (of the list for the text typed)"),
    ]
    AUTO_FOCUS = "#module-search"

    def __init__(self, already: set[str]) -> None:
        super().__init__(id="module-picker", classes="dialog-screen")
        self.already = already
        self._timer: Timer | None = None
        #: The search text the list on show was made for (None: no list yet).
        self.shown_for: str | None = None
        #: An action ("choose" or "to_list") waiting for the list of the current text.
        self.pending: str | None = None

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

    @property
    def catalogue(self) -> CatalogueApp:
        return cast("CatalogueApp", self.app)

    @property
    def search_text(self) -> str:
        return self.query_one("#module-search", Input).value

    @work(thread=True, exclusive=True, exit_on_error=False, group="modules")
    def load_modules(self, text: str) -> None:
        from catalogue.core.views import library_modules

        deliver(self, ModulesFound((text, self.catalogue.backend.call(library_modules, text))))

    @on(ModulesFound)
    def show_modules(self, message: ModulesFound) -> None:
        text, modules = message.result
        options = self.query_one("#module-options", OptionList)
        options.clear_options()
        self.shown_for = text
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
        if self.pending and text == self.search_text:
            action, self.pending = self.pending, None
            self.catalogue.release_keys(self)
            self._act(action)

    def worker_failed(self, group: str, error: BaseException | None) -> None:
        report_failure(self.app, error)
        if self.pending:
            self.pending = None
            self.catalogue.release_keys(self)

    def _when_current(self, action: str) -> None:
        """Do ``action`` now if the list is the one for the text typed, else once it is."""
        text = self.search_text
        if self.shown_for == text:
            self._act(action)
            return
        self.pending = action
        self.catalogue.hold_keys(self)
        if self._timer is not None:
            self._timer.stop()
        self.load_modules(text)

    def _act(self, action: str) -> None:
        options = self.query_one("#module-options", OptionList)
        if action == "to_list":
            options.focus()
            return
        if options.highlighted is not None:
            option = options.get_option_at_index(options.highlighted)
            if option.id and not option.disabled:
                self.dismiss(option.id)
                return
        self.notify("No module to add: change the search", severity="warning", timeout=4)

    @on(Input.Changed, "#module-search")
    def search_changed(self, event: Input.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        value = event.value
        self._timer = self.set_timer(SEARCH_DELAY, lambda: self.load_modules(value))

    def action_choose(self) -> None:
        self._when_current("choose")

    @on(OptionList.OptionSelected, "#module-options")
    def option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.dismiss(event.option.id)

    def action_to_list(self) -> None:
        self._when_current("to_list")

    def action_cancel(self) -> None:
        self.dismiss(None)
