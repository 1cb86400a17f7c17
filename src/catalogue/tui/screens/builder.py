"""Programme builder: a list of programmes, and an editor with a live summary and preview.

The screen lays out both and loads what the programme form and the module picker offer; its
bases do the rest: the list (screens/builder_list.py), the queue of changes and the outline
they produce (screens/builder_changes.py), and the outline edits with undo and redo
(screens/builder_edits.py).
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.timer import Timer
from textual.widgets import ContentSwitcher, Input, Markdown, Static

from catalogue.core.module_search import PickerChoices
from catalogue.core.programmes import pages as programme_pages
from catalogue.core.programmes.changes import MAX_MODULES
from catalogue.core.programmes.fixes import Fix
from catalogue.core.programmes.history import History
from catalogue.tui.screens.builder_changes import Change, OutlineChanges
from catalogue.tui.screens.builder_edits import OutlineEdits
from catalogue.tui.screens.builder_list import ProgrammeList
from catalogue.tui.screens.split import SplitScreen
from catalogue.tui.widgets.key_footer import KeyFooter
from catalogue.tui.widgets.navbar import NavBar
from catalogue.tui.widgets.paged_table import PagedTable
from catalogue.tui.widgets.programme_form import ProgrammeForm
from catalogue.tui.widgets.tables import MODULE_COLUMNS, PROGRAMME_COLUMNS
from catalogue.tui.workers import Loaded, deliver

if TYPE_CHECKING:
    from catalogue.core.programmes.outline import ProgrammeOutline

EDITING_ACTIONS = {"add_module", "remove_module", "move", "override_hours", "export",
                   "toggle_preview", "back", "undo", "redo", "fix"}
MODULE_ACTIONS = {"remove_module", "move", "override_hours"}


class ChoicesLoaded(Loaded[tuple[dict[str, Any], PickerChoices]]):
    """What the programme form offers (programme_pages.builder_choices) and the module picker's
    filters (module_search.picker_choices)."""


class BuilderScreen(OutlineEdits, OutlineChanges, ProgrammeList, SplitScreen):
    SPLIT_NAME = "builder"
    SPLIT_PANE = "#side"
    SPLIT_SIDE = "right"
    AUTO_FOCUS = "#programmes"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "new", "New", id="builder.new",
                tooltip="Start a new programme (title, country, delivery)"),
        Binding("ctrl+o", "back", "List", id="builder.list",
                tooltip="Back to the list of programmes"),
        Binding("a", "add_module", "Add", id="builder.add-module",
                tooltip="Add a module from the library (searchable)"),
        Binding("delete,d", "remove_module", "Remove", id="builder.remove-module",
                tooltip="Remove the highlighted module (Ctrl+Z puts it back)"),
        Binding("f", "fix", "Fix", id="builder.fix",
                tooltip="Fix a warning: the highlighted module's, else the first (add or move "
                        "a prerequisite, remove a module, choose modules for a principle)"),
        Binding("ctrl+z", "undo", "Undo", id="builder.undo",
                tooltip="Undo the last change to the modules (add, remove, move, hours, fix)"),
        Binding("ctrl+y", "redo", "Redo", id="builder.redo",
                tooltip="Redo the change last undone"),
        Binding("shift+up,K", "move(-1)", "Up", id="builder.move-up",
                tooltip="Move the highlighted module up"),
        Binding("shift+down,J", "move(1)", "Down", id="builder.move-down",
                tooltip="Move the highlighted module down"),
        Binding("h", "override_hours", "Hours", id="builder.hours",
                tooltip="Override the highlighted module's hours (empty: the library's)"),
        Binding("ctrl+e", "export", "Export", id="builder.export", priority=True,
                tooltip="Export the outline (md, json, csv, docx; optionally redacted; or IATI XML)"),
        Binding("ctrl+t", "toggle_preview", "Preview", id="builder.preview",
                tooltip="Enlarge the outline preview (again to shrink it)"),
        Binding("slash", "focus_search", "Search", id="builder.search", show=False,
                tooltip="Search the programmes list"),
        Binding("c", "copy", "Copy", id="builder.copy",
                tooltip="Copy the outline as plain text to the clipboard (through the "
                        "terminal, so over SSH too)"),
    ]

    def __init__(self) -> None:
        super().__init__(id="builder")
        self.programme_id: int | None = None
        self.outline: ProgrammeOutline | None = None
        self.choices: dict[str, Any] | None = None
        self.picker_choices: PickerChoices | None = None
        self._search: str | None = None
        self._search_timer: Timer | None = None
        self._after_choices: list[Callable[[], None]] = []
        self._had_modules = False
        self._changes: deque[Change] = deque()
        #: Each programme's outline edits this session: what Ctrl+Z and Ctrl+Y go through.
        self.histories: dict[int, History] = {}
        #: The fix of each warning of the outline on show (None: that warning has none).
        self.fixes: list[Fix | None] = []
        self._change_lock = threading.Lock()

    def compose(self) -> ComposeResult:
        yield NavBar("builder")
        with ContentSwitcher(initial="programme-list", id="builder-switcher"):
            with Vertical(id="programme-list"):
                yield Input(placeholder="Search programmes: words in the title or notes  (/)",
                            id="programme-search", compact=True)
                table = PagedTable(PROGRAMME_COLUMNS, id_key="id", id="programmes",
                                   page_size=self.config.page_size, classes="pane")
                table.border_title = "Programmes"
                yield table
                yield Static(Text("Enter opens a programme · Ctrl+N starts a new one",
                                  style="dim"), id="programme-hint")
            with Horizontal(id="editor"):
                with Vertical(id="editor-main"):
                    yield Vertical(id="form-slot", classes="pane")
                    modules = PagedTable(MODULE_COLUMNS, id_key="id", id="modules",
                                         page_size=MAX_MODULES, classes="pane")
                    modules.border_title = "Modules"
                    yield modules
                    with VerticalScroll(id="preview-pane", classes="pane") as preview:
                        preview.border_title = "Outline preview"
                        yield Markdown(id="preview")
                with VerticalScroll(id="side", classes="pane") as side:
                    side.border_title = "Summary"
                    yield Static(id="side-body")
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        self.reload_list()
        self.load_choices()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in EDITING_ACTIONS and self.programme_id is None:
            return False
        if action in MODULE_ACTIONS:
            table = self.query_one("#modules", PagedTable)
            if not table.has_focus:
                return False  # keys that change the highlighted module act only in its table
            if not (self.outline and self.outline["modules"]):
                return None  # shown, but disabled
        if action == "copy" and self.programme_id is None:
            return False
        history = self.history()
        if action == "undo" and not (history and history.undo):
            return None  # shown, but disabled
        if action == "redo" and not (history and history.redo):
            return None
        if action == "fix" and not any(self.fixes):
            return None
        return True

    # ------------------------------------------------------------ choices (pickers' data)

    @work(thread=True, exclusive=True, exit_on_error=False, group="choices")
    def load_choices(self) -> None:
        from catalogue.core.module_search import picker_choices

        deliver(self, ChoicesLoaded((self.backend.call(programme_pages.builder_choices),
                                     self.backend.call(picker_choices))))

    @on(ChoicesLoaded)
    def show_choices(self, message: ChoicesLoaded) -> None:
        self.call_later(self._mount_form, *message.result)

    async def _mount_form(self, choices: dict[str, Any], picker: PickerChoices) -> None:
        await self.query_one("#form-slot", Vertical).mount(ProgrammeForm(choices, id="form"))
        self.choices, self.picker_choices = choices, picker
        pending, self._after_choices = self._after_choices, []
        self.catalogue.release_keys(self)
        for then in pending:
            then()

    def _with_choices(self, then: Callable[[], None]) -> None:
        """``then()`` once the choices are loaded; keys typed meanwhile wait for it."""
        if self.choices is None:
            self._after_choices.append(then)
            self.catalogue.hold_keys(self)
        else:
            then()

    # ------------------------------------------------------------ opening and leaving

    def new_programme(self, country: str | None = None) -> None:
        self._with_choices(lambda: self._ask_new(country))

    def _ask_new(self, country: str | None) -> None:
        from catalogue.tui.dialogs.new_programme import NewProgrammeDialog

        assert self.choices is not None

        def created(programme_id: int | None) -> None:
            if programme_id is not None:
                self.notify(f"Programme {programme_id} created", markup=False)
                self.open_programme(programme_id)

        self.app.push_screen(NewProgrammeDialog(self.choices, country=country), created)

    def open_programme(self, programme_id: int) -> None:
        self.programme_id = programme_id
        self.outline = None
        self.fixes = []
        self._had_modules = False
        for form in self.query(ProgrammeForm):
            form.forget()  # texts refused or unanswered were the previous programme's
        self.query_one("#builder-switcher", ContentSwitcher).current = "editor"
        self.refresh_bindings()
        self.query_one("#modules", PagedTable).focus()
        self.change(None, focus=None)

    def action_new(self) -> None:
        self.new_programme(None)

    def action_back(self) -> None:
        self.programme_id = None
        self.outline = None
        self._had_modules = False
        self.query_one("#builder-switcher", ContentSwitcher).current = "programme-list"
        self.query_one(NavBar).set_place("")
        self.refresh_bindings()
        self.reload_list()
        self.query_one("#programmes", PagedTable).focus()

    def action_export(self) -> None:
        from catalogue.tui.dialogs.export import ExportDialog

        if self.programme_id is None:
            return

        def exported(path: Any) -> None:
            if path is not None:
                self.notify(f"Exported to {path}", title="Export", markup=False, timeout=8)

        self.app.push_screen(ExportDialog(self.programme_id, self.config.exports_folder()),
                             exported)

    def action_copy(self) -> None:
        from catalogue.core.exports.plain_text import outline_plain_text
        from catalogue.tui.copy_out import copy_out

        if self.outline is not None:
            copy_out(self.app, outline_plain_text(self.outline),
                     f"programme {self.outline['programme']['id']}'s outline")

    def action_toggle_preview(self) -> None:
        self.toggle_class("-show-preview")
        if self.has_class("-show-preview"):
            self.query_one("#preview-pane", VerticalScroll).focus()
