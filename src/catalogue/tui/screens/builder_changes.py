"""The builder's changes: one queue of the edits asked for, applied in order in one worker,
then the outline they produce on show.

A field edit calls ``update_programme``; an outline edit (add, remove, move, hours, a warning's
fix, undo, redo: screens/builder_edits.py) goes through the programme's edit history. The same
worker then rebuilds the outline with ``build_outline``, its Markdown with the export renderer
and the warnings' fixes with ``plan_fixes``. Keys wait until that outline is on show, so a key
acts on the rows the user sees.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.widgets import Markdown, Static

from catalogue.core.counting import plural
from catalogue.core.errors import CatalogueError
from catalogue.core.programmes import pages as programme_pages
from catalogue.core.programmes.edits import Edit
from catalogue.core.programmes.fixes import Fix
from catalogue.core.programmes.history import Done, History
from catalogue.tui.field_words import app_message
from catalogue.tui.screens.base import CatalogueScreen
from catalogue.tui.shown import shown, shown_text
from catalogue.tui.widgets.navbar import NavBar
from catalogue.tui.widgets.outline_panel import outline_text
from catalogue.tui.widgets.paged_table import PagedTable
from catalogue.tui.widgets.programme_form import ProgrammeForm
from catalogue.tui.workers import Loaded, deliver, report_failure

if TYPE_CHECKING:
    from catalogue.core.programmes.outline import ProgrammeOutline


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


class OutlineChanges(CatalogueScreen):
    """A base of :class:`~catalogue.tui.screens.builder.BuilderScreen`, which sets the state
    below in its ``__init__`` and provides the programme form (``_with_choices``)."""

    programme_id: int | None
    outline: ProgrammeOutline | None
    histories: dict[int, History]
    fixes: list[Fix | None]
    _had_modules: bool
    _changes: deque[Change]
    _change_lock: threading.Lock

    if TYPE_CHECKING:
        def _with_choices(self, then: Callable[[], None]) -> None: ...

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
        self.query_one("#side-body", Static).update(shown_text(
            outline_text(view.outline, [f.label if f else None for f in self.fixes])))
        self.query_one("#preview", Markdown).update(shown(view.markdown))
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
