"""Programme builder: a list of programmes, and an editor with a live summary and preview.

A field edit calls ``update_programme`` in a worker; an outline edit (add, remove, move,
hours, a warning's fix, undo, redo: screens/builder_edits.py) goes through the programme's
edit history. The same worker then rebuilds the outline with ``build_outline``, its Markdown
with the export renderer and the warnings' fixes with ``plan_fixes``.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.timer import Timer
from textual.widgets import ContentSwitcher, Input, Markdown, Static

from catalogue.core.counting import plural
from catalogue.core.errors import CatalogueError
from catalogue.core.module_search import PickerChoices
from catalogue.core.programmes import pages as programme_pages
from catalogue.core.programmes.changes import MAX_MODULES
from catalogue.core.programmes.edits import Edit
from catalogue.core.programmes.fixes import Fix
from catalogue.core.programmes.history import Done, History
from catalogue.tui.config import SEARCH_DELAY
from catalogue.tui.field_words import app_message
from catalogue.tui.screens.builder_edits import OutlineEdits
from catalogue.tui.screens.split import SplitScreen
from catalogue.tui.widgets.key_footer import KeyFooter
from catalogue.tui.widgets.navbar import NavBar
from catalogue.tui.widgets.outline_panel import outline_text
from catalogue.tui.widgets.paged_table import PagedTable
from catalogue.tui.widgets.programme_form import ProgrammeForm
from catalogue.tui.widgets.tables import MODULE_COLUMNS, PROGRAMME_COLUMNS
from catalogue.tui.workers import Loaded, deliver, report_failure

if TYPE_CHECKING:
    from catalogue.core.programmes.outline import ProgrammeOutline

EDITING_ACTIONS = {"add_module", "remove_module", "move", "override_hours", "export",
                   "toggle_preview", "back", "undo", "redo", "fix"}
MODULE_ACTIONS = {"remove_module", "move", "override_hours"}


class ChoicesLoaded(Loaded[tuple[dict[str, Any], PickerChoices]]):
    """What the programme form offers (programme_pages.builder_choices) and the module picker's
    filters (module_search.picker_choices)."""


class ListLoaded(Loaded[tuple[list[programme_pages.ProgrammeRow], int, int]]):
    """A page of programmes: (rows, total, offset)."""


@dataclass(frozen=True)
class Shown:
    """A programme's outline after the changes queued: the view, the module to keep the
    cursor on, each warning's fix, and what the outline edits did."""

    programme_id: int
    view: programme_pages.BuilderView
    focus: str | None
    fixes: list[Fix | None]
    done: list[Done]
    #: Each programme field change applied meanwhile, in order: (field, text, error or None).
    fields: list[tuple[str, str, BaseException | None]]


class OutlineLoaded(Loaded[Shown | None]):
    """The outline after the changes queued, or None when another worker had already
    applied them."""


@dataclass(frozen=True)
class Change:
    """One edit asked for in the builder: ``fn(store, programme_id, *args, **kwargs)``, or
    an outline edit through the programme's history (``op``: "do" ``edit``, "undo", "redo")."""

    programme_id: int
    fn: Callable[..., Any] | None
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    focus: str | None
    op: str | None = None
    edit: Edit | None = None
    label: str = ""
    #: The form field whose text this change saves (its refusal goes back to that field).
    field: str | None = None


def _apply(store: Any, change: Change, history: History) -> Done | None:
    """Apply one change (each runs its own store.write()); what an outline edit did."""
    if change.op == "do" and change.edit is not None:
        return history.do(store, change.label, change.edit)
    if change.op == "undo":
        return history.undo_last(store) or Done("Nothing to undo", "")
    if change.op == "redo":
        return history.redo_last(store) or Done("Nothing to redo", "")
    if change.fn is not None:
        change.fn(store, change.programme_id, *change.args, **change.kwargs)
    return None


def _refusal(error: BaseException | None) -> str | None:
    """The one line the form shows under a refused field (None: the value was saved)."""
    if error is None:
        return None
    if isinstance(error, CatalogueError):
        return app_message(error)
    return f"Not saved: internal error ({type(error).__name__})"


class BuilderScreen(OutlineEdits, SplitScreen):
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

    # ------------------------------------------------------------ the programme list

    def reload_list(self, offset: int = 0) -> None:
        self.load_list(self._search, offset)

    @work(thread=True, exclusive=True, exit_on_error=False, group="list")
    def load_list(self, search: str | None, offset: int) -> None:
        rows, total = self.backend.call(programme_pages.programme_page, search,
                                        limit=self.config.page_size, offset=offset)
        deliver(self, ListLoaded((rows, total, offset)))

    @on(ListLoaded)
    def show_list(self, message: ListLoaded) -> None:
        rows, total, offset = message.result
        table = self.query_one("#programmes", PagedTable)
        table.show_page(rows, total=total, offset=offset)
        table.border_subtitle = f"{table.page_summary()} · most recently changed first"
        if not total:
            hint = ("No programme matches." if self._search
                    else "No programmes yet: press Ctrl+N to start one.")
            self.query_one("#programme-hint", Static).update(Text(hint, style="italic"))

    @on(Input.Changed, "#programme-search")
    def search_changed(self, event: Input.Changed) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        value = event.value.strip() or None

        def apply() -> None:
            self._search = value
            self.reload_list()

        self._search_timer = self.set_timer(SEARCH_DELAY, apply)

    @on(Input.Submitted, "#programme-search")
    def search_submitted(self, event: Input.Submitted) -> None:
        self._search = event.value.strip() or None
        self.reload_list()
        self.query_one("#programmes", PagedTable).focus()

    @on(PagedTable.PageRequested, "#programmes")
    def list_page(self, event: PagedTable.PageRequested) -> None:
        self.reload_list(event.offset)

    @on(PagedTable.RowSelected, "#programmes")
    def list_selected(self, event: PagedTable.RowSelected) -> None:
        if event.row_id:
            self.open_programme(int(event.row_id))

    def action_focus_search(self) -> None:
        if self.programme_id is None:
            self.query_one("#programme-search", Input).focus()

    # ------------------------------------------------------------ opening and editing

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

    def change(self, fn: Callable[..., Any] | None, *args: Any, focus: str | None = None,
               op: str | None = None, edit: Edit | None = None, label: str = "",
               field: str | None = None, **kwargs: Any) -> None:
        """Apply ``fn(store, programme_id, *args, **kwargs)`` or an outline edit (``op``, see
        :class:`Change`), if any, then show the outline.

        Changes are applied in the order asked, none dropped, and keys wait until the outline
        they produce is on show, so a key acts on the rows the user sees."""
        if self.programme_id is not None:
            self._changes.append(Change(self.programme_id, fn, args, kwargs, focus, op, edit,
                                        label, field))
            self.catalogue.hold_keys(self)
            self.run_changes()

    @work(thread=True, exit_on_error=False, group="outline")
    def run_changes(self) -> None:
        """Apply every queued change in order (one worker at a time), then read the outline
        and plan its warnings' fixes."""
        from catalogue.core.programmes.fixes import plan_fixes

        with self._change_lock:
            last: Change | None = None
            done: list[Done] = []
            fields: list[tuple[str, str, BaseException | None]] = []
            while self._changes:
                last = self._changes.popleft()
                history = self.histories.setdefault(last.programme_id,
                                                    History(last.programme_id))
                if last.field is not None:
                    # A refused field keeps its text: the form hears of it with the outline.
                    error: BaseException | None = None
                    try:
                        self.backend.call(_apply, last, history)
                    except Exception as failure:
                        error = failure
                    fields.append((last.field, last.args[0][last.field], error))
                elif (said := self.backend.call(_apply, last, history)) is not None:
                    done.append(said)
            if last is None:
                deliver(self, OutlineLoaded(None))
                return
            view = self.backend.call(programme_pages.builder_view, last.programme_id)
            deliver(self, OutlineLoaded(Shown(
                last.programme_id, view, last.focus,
                self.backend.call(plan_fixes, view.outline), done, fields)))

    @on(OutlineLoaded)
    def show_outline(self, message: OutlineLoaded) -> None:
        result = message.result
        if not self._changes:
            self.catalogue.release_keys(self)
        if result is None:
            return
        for said in result.done:
            if said.verb == "Done":
                text = f"{said.label[:1].upper()}{said.label[1:]} · Ctrl+Z undoes it"
            else:
                text = f"{said.verb}: {said.label}" if said.label else said.verb
            self.notify(text, title="Modules", markup=False, timeout=5)
        for _field, _text, error in result.fields:
            if error is not None:
                report_failure(self.app, error)
        programme_id, view, focus = result.programme_id, result.view, result.focus
        if programme_id != self.programme_id:
            return
        self.fixes = result.fixes
        self.outline = view.outline
        programme = view.outline["programme"]
        self.query_one(NavBar).set_place(f"Programme {programme_id}")
        outcomes = [(name, text, _refusal(error)) for name, text, error in result.fields]
        self._with_choices(lambda: self.query_one(ProgrammeForm).load(programme, outcomes))
        self._show_modules(view.outline["modules"], focus)
        self.query_one("#side-body", Static).update(
            outline_text(view.outline, [f.label if f else None for f in self.fixes]))
        self.query_one("#preview", Markdown).update(view.markdown)
        totals = view.outline["totals"]
        self.query_one("#modules", PagedTable).border_subtitle = (
            f"{plural(totals['modules'], 'module')} · {totals['hours']:g} h · "
            f"{plural(totals['scheduled_days'], 'day')}")
        self._had_modules = bool(view.outline["modules"])
        self.refresh_bindings()  # undo, redo and fix follow the history and the warnings

    def worker_failed(self, group: str, error: BaseException | None) -> None:
        super().worker_failed(group, error)
        if group == "outline":
            self.change(None)  # the changes still queued, then the stored programme again

    def _show_modules(self, modules: list[dict[str, Any]], focus: str | None) -> None:
        table = self.query_one("#modules", PagedTable)
        if focus is None and modules:
            focus = modules[min(max(table.cursor_row, 0), len(modules) - 1)]["id"]
        table.show_page(modules, total=len(modules), offset=0, keep=focus)

    def _selected_module(self) -> dict[str, Any] | None:
        """The module of the highlighted row, found by the row's id (not its position)."""
        if not self.outline or not self.outline["modules"]:
            return None
        row = self.query_one("#modules", PagedTable).selected_row()
        if row is None:
            return None
        return next((m for m in self.outline["modules"] if m["id"] == row["id"]), None)

    @on(ProgrammeForm.FieldChanged)
    def field_changed(self, event: ProgrammeForm.FieldChanged) -> None:
        from catalogue.core.programmes.changes import update_programme

        self.change(update_programme, {event.name: event.value}, field=event.name)

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
