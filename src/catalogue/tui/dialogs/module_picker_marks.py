"""The module picker's marks: Space marks or unmarks the highlighted module, Ctrl+S marks a
discipline's standard modules (data/disciplines, the organisation's local practice, said when
used). Marks are kept by module id, in the order marked, while the search and filters change;
each row shows its mark (its place in the order of adding) or a tick for a module already in
the programme, and the status line counts them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList

from catalogue.core.counting import plural
from catalogue.core.module_search import LibraryModule, ModuleQuery, PickerChoices
from catalogue.tui.workers import Loaded, deliver

if TYPE_CHECKING:
    from catalogue.tui.app import CatalogueApp

TITLE_WIDTH = 52
DISCIPLINE_WIDTH = 20


class StandardFound(Loaded[tuple[str, list[LibraryModule]]]):
    """A discipline's id and its standard modules (module_search.standard_modules)."""


class PickerMarks(ModalScreen[Any]):
    """The base of :class:`~catalogue.tui.dialogs.module_picker.ModulePickerDialog`, which
    lays out ``#module-options`` and ``#picker-status``, sets the state below in its
    ``__init__`` and gives the search and filters now set."""

    already: set[str]
    choices: PickerChoices
    #: The query the list on show was made for (None: no list yet).
    shown_for: ModuleQuery | None
    shown: dict[str, LibraryModule]
    #: Marked modules, by id, in the order marked.
    marked: dict[str, str]

    if TYPE_CHECKING:
        @property
        def catalogue(self) -> CatalogueApp: ...

        @property
        def current_query(self) -> ModuleQuery: ...

    def _label(self, module: LibraryModule) -> Text:
        if module.id in self.already:
            label = Text("[✓]  ", style="green")  # in the programme already
        elif module.id in self.marked:  # marked: its place in the order of adding
            label = Text(f"[{list(self.marked).index(module.id) + 1}]".ljust(5), style="bold")
        else:
            label = Text("[ ]  ")
        discipline = module.discipline
        if len(discipline) > DISCIPLINE_WIDTH:
            discipline = discipline[:DISCIPLINE_WIDTH - 1] + "…"
        suffix = f"{discipline:<{DISCIPLINE_WIDTH}} {module.hours:>3g} h"
        # One line per module: the title gets what the list's width leaves it.
        room = self.query_one("#module-options", OptionList).scrollable_content_region.width
        width = max(12, min(TITLE_WIDTH, room - len(label) - len(suffix) - 4))
        title = module.title
        if len(title) > width:
            title = title[:width - 1] + "…"
        label.append(title.ljust(width) + " │ ")
        label.append(suffix, style="dim")
        return label

    def _show_status(self) -> None:
        count = len(self.marked)
        if count:
            text = Text(f"{count} marked", style="bold")
            text.append(" · Enter adds them, in the order marked", style="dim")
        else:
            text = Text("None marked · Enter adds the highlighted module", style="dim")
        if self.shown_for is not None:
            text.append(f" · {len(self.shown)} shown", style="dim")
        self.query_one("#picker-status", Label).update(text)

    def _refresh_labels(self) -> None:
        options = self.query_one("#module-options", OptionList)
        for module in self.shown.values():
            options.replace_option_prompt(module.id, self._label(module))
        self._show_status()

    def _highlighted(self) -> LibraryModule | None:
        options = self.query_one("#module-options", OptionList)
        if options.highlighted is None:
            return None
        option = options.get_option_at_index(options.highlighted)
        if option.id is None or option.disabled:
            return None
        return self.shown.get(option.id)

    # ------------------------------------------------------------ marking

    def action_mark(self) -> None:
        module = self._highlighted()
        options = self.query_one("#module-options", OptionList)
        if module is None:
            self.notify("Nothing to mark here: that module is already in the programme",
                        severity="warning", timeout=4)
            return
        if module.id in self.marked:
            del self.marked[module.id]
        else:
            self.marked[module.id] = module.title
        self._refresh_labels()
        options.action_cursor_down()

    def action_mark_standard(self) -> None:
        discipline = self.current_query.discipline
        if discipline is None:
            module = self._highlighted()
            discipline = module.discipline_id if module else None
        if discipline is None:
            self.notify("Choose a discipline (Tab to the filter) or highlight one of its "
                        "modules first", severity="warning", timeout=5)
            return
        self.catalogue.hold_keys(self)  # Enter typed right after adds what this marks
        self.add_standard(discipline)

    @work(thread=True, exclusive=True, exit_on_error=False, group="standard")
    def add_standard(self, discipline: str) -> None:
        from catalogue.core.module_search import standard_modules

        deliver(self, StandardFound(
            (discipline, self.catalogue.backend.call(standard_modules, discipline))))

    @on(StandardFound)
    def mark_standard(self, message: StandardFound) -> None:
        discipline, modules = message.result
        self.catalogue.release_keys(self)
        title = next((c.title for c in self.choices.disciplines if c.id == discipline),
                     discipline)
        new = [m for m in modules if m.id not in self.already and m.id not in self.marked]
        for module in new:
            self.marked[module.id] = module.title
        self._refresh_labels()
        basis = self.choices.standard_basis.get(discipline, "")
        others = len(modules) - len(new)
        self.notify(f"Marked {plural(len(new), 'standard module')} of {title}"
                    + (f" ({others} in the programme or marked already)" if others else "")
                    + f"; Enter adds them. {basis}",
                    title="Standard modules", markup=False, timeout=10)
