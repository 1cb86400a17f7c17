"""Pick modules from the library: search, filter by discipline and level, mark several, add.

Typing searches titles, summaries, learning outcomes and discipline names
(:func:`catalogue.core.module_search.find_modules`). In the list, Space marks the highlighted
module (and moves on); Ctrl+S marks a discipline's standard modules (data/disciplines, the
organisation's local practice, said when used). Marks are kept by module id while the search
and filters change. Enter adds every marked module, in the order marked, or the highlighted one
when none is marked.

Enter acts on the list shown for the search and filters now set, chosen by id: typed ahead of a
list still loading, Enter (or ↓ to the list) waits for that list, holding the keys behind it
(:meth:`~catalogue.tui.key_order.OrderedKeys.hold_keys`), so a fast typist never adds a row of a
list that was on screen for an earlier search.

The marks, and the rows and status line that show them, are the dialog's base
(dialogs/module_picker_marks.py).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import HorizontalGroup, VerticalGroup
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, Label, OptionList, Select
from textual.widgets.option_list import Option

from catalogue.core.module_search import LibraryModule, ModuleQuery, PickerChoices
from catalogue.tui.config import SEARCH_DELAY
from catalogue.tui.dialogs.module_picker_marks import PickerMarks
from catalogue.tui.workers import Loaded, WorkerResults, deliver, report_failure

if TYPE_CHECKING:
    from catalogue.tui.app import CatalogueApp


class ModulesFound(Loaded[tuple[ModuleQuery, list[LibraryModule]]]):
    """The query, and the library's modules matching it (module_search.find_modules)."""


@dataclass(frozen=True)
class Picked:
    """The modules to add, in the order marked, with their titles."""

    module_ids: tuple[str, ...]
    titles: tuple[str, ...]


class ModulePickerDialog(WorkerResults, PickerMarks, ModalScreen[Picked | None]):
    """Returns the modules picked (or None). Modules already in the programme are shown
    ticked and cannot be picked again."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel",
                tooltip="Close the dialog without changing anything"),
        Binding("down", "to_list", "To the list", id="picker.to-list", show=False,
                tooltip="From the search box down to the list of modules"),
        Binding("enter", "choose", "Add", id="picker.add", priority=True,
                tooltip="Add the marked modules, or the highlighted one when none is marked"),
        Binding("space", "mark", "Mark", id="picker.mark",
                tooltip="Mark or unmark the highlighted module and move to the next"),
        Binding("ctrl+s", "mark_standard", "Standard", id="picker.standard",
                tooltip="Mark the standard modules of the discipline filtered on (or of the "
                        "highlighted module's discipline)"),
        Binding("slash", "to_search", "Search", id="picker.search", show=False,
                tooltip="Back to the search box, its text selected"),
    ]
    AUTO_FOCUS = "#module-search"

    def __init__(self, already: set[str], choices: PickerChoices,
                 query: ModuleQuery | None = None, title: str | None = None) -> None:
        super().__init__(id="module-picker", classes="dialog-screen")
        self.already = already
        self.choices = choices
        self.title_text = title or "Add modules from the library"
        self.base = query or ModuleQuery()
        self._timer: Timer | None = None
        #: The query the list on show was made for (None: no list yet).
        self.shown_for: ModuleQuery | None = None
        self.shown: dict[str, LibraryModule] = {}
        #: Marked modules, by id, in the order marked.
        self.marked: dict[str, str] = {}
        #: An action ("choose" or "to_list") waiting for the list of the current query.
        self.pending: str | None = None

    def compose(self) -> ComposeResult:
        with VerticalGroup(classes="dialog picker"):
            yield Label(Text(self.title_text), classes="dialog-title")
            yield Input(placeholder="Search titles, summaries, outcomes and disciplines "
                        "(e.g. terror)", id="module-search", value=self.base.text)
            with HorizontalGroup(id="picker-filters"):
                yield Select([(c.title, c.id) for c in self.choices.disciplines],
                             prompt="Any discipline", id="picker-discipline", compact=True,
                             value=self.base.discipline or Select.NULL)
                yield Select([(c.title, c.id) for c in self.choices.levels],
                             prompt="Any level", id="picker-level", compact=True,
                             value=self.base.level or Select.NULL)
            yield OptionList(id="module-options")
            yield Label(id="picker-status")
            yield Label(Text("↓ list · Space marks · Ctrl+S standard modules · Enter adds · "
                             "/ search · Tab filters · Esc cancels"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#module-search", Input).focus()
        self._show_status()
        self.load_modules(self.current_query)

    @property
    def catalogue(self) -> CatalogueApp:
        return cast("CatalogueApp", self.app)

    @property
    def current_query(self) -> ModuleQuery:
        """The search and filters now set."""
        discipline = self.query_one("#picker-discipline", Select).value
        level = self.query_one("#picker-level", Select).value
        return replace(self.base, text=self.query_one("#module-search", Input).value,
                       discipline=discipline if isinstance(discipline, str) else None,
                       level=level if isinstance(level, str) else None)

    @work(thread=True, exclusive=True, exit_on_error=False, group="modules")
    def load_modules(self, query: ModuleQuery) -> None:
        from catalogue.core.module_search import find_modules

        deliver(self, ModulesFound((query, self.catalogue.backend.call(find_modules, query))))

    @on(ModulesFound)
    def show_modules(self, message: ModulesFound) -> None:
        query, modules = message.result
        options = self.query_one("#module-options", OptionList)
        options.clear_options()
        self.shown_for = query
        self.shown = {m.id: m for m in modules}
        for module in modules:
            options.add_option(Option(self._label(module), id=module.id,
                                      disabled=module.id in self.already))
        if modules:
            options.highlighted = next(
                (i for i, m in enumerate(modules) if m.id not in self.already), None)
        else:
            options.add_option(Option(Text("No module matches", style="italic"), disabled=True))
        self._show_status()
        if self.pending and query == self.current_query:
            action, self.pending = self.pending, None
            self._act(action)  # first: the focus it moves is set before the next key comes
            self.catalogue.release_keys(self)

    def worker_failed(self, group: str, error: BaseException | None) -> None:
        report_failure(self.app, error)
        self.pending = None
        self.catalogue.release_keys(self)

    def _when_current(self, action: str) -> None:
        """Do ``action`` now if the list is the one for the query set, else once it is."""
        query = self.current_query
        if self.shown_for == query:
            self._act(action)
            return
        self.pending = action
        self.catalogue.hold_keys(self)
        if self._timer is not None:
            self._timer.stop()
        self.load_modules(query)

    def _act(self, action: str) -> None:
        options = self.query_one("#module-options", OptionList)
        if action == "to_list":
            self.set_focus(options)  # now, not later: the next key must find the list
            return
        if self.marked:
            self.dismiss(Picked(tuple(self.marked), tuple(self.marked.values())))
            return
        module = self._highlighted()
        if module is not None:
            self.dismiss(Picked((module.id,), (module.title,)))
            return
        self.notify("No module to add: change the search or filters", severity="warning",
                    timeout=4)

    @on(Input.Changed, "#module-search")
    def search_changed(self, event: Input.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(SEARCH_DELAY, lambda: self.load_modules(self.current_query))

    @on(Select.Changed)
    def filter_changed(self, event: Select.Changed) -> None:
        event.stop()
        self.load_modules(self.current_query)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Enter on a filter opens (or chooses from) its list, as it does everywhere else.
        return not (action == "choose" and self._in_filter())

    def _in_filter(self) -> bool:
        node = self.focused
        while node is not None and node is not self:
            if isinstance(node, Select):
                return True
            node = node.parent  # type: ignore[assignment]
        return False

    def action_choose(self) -> None:
        self._when_current("choose")

    @on(OptionList.OptionSelected, "#module-options")
    def option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # a click: as Enter
        self._when_current("choose")

    def action_to_list(self) -> None:
        self._when_current("to_list")

    def action_to_search(self) -> None:
        search = self.query_one("#module-search", Input)
        self.set_focus(search)
        search.select_all()

    def action_cancel(self) -> None:
        self.dismiss(None)
