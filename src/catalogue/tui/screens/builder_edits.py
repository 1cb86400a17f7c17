"""The builder's outline edits: add (several at once), remove, move, hours, warnings' fixes,
and undo / redo.

Every edit is a core :mod:`~catalogue.core.programmes.edits` value applied through the
programme's :class:`~catalogue.core.programmes.history.History` (kept per programme for the
session) in the builder's change worker, so it can be undone and redone; each says what it
changed once the outline showing it is on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from catalogue.core.counting import plural
from catalogue.core.module_search import ModuleQuery, PickerChoices
from catalogue.core.programmes.edits import Edit, Move, Remove, SetHours, insert_modules
from catalogue.core.programmes.fixes import Fix
from catalogue.core.programmes.history import History
from catalogue.tui.screens.base import CatalogueScreen

if TYPE_CHECKING:
    from catalogue.core.programmes.outline import ProgrammeOutline

#: Words typed for the hours that mean "the library's".
LIBRARY_HOURS = {"", "none", "library", "default"}


def _titles(titles: tuple[str, ...]) -> str:
    if len(titles) <= 3:
        return ", ".join(titles)
    return f"{', '.join(titles[:2])} and {len(titles) - 2} more"


class OutlineEdits(CatalogueScreen):
    """The base of :class:`~catalogue.tui.screens.builder.BuilderScreen`, which provides
    the outline, the change worker and the highlighted module."""

    histories: dict[int, History]
    fixes: list[Fix | None]
    picker_choices: PickerChoices | None
    programme_id: int | None
    outline: ProgrammeOutline | None

    if TYPE_CHECKING:
        def change(self, fn: Callable[..., Any] | None, *args: Any, focus: str | None = None,
                   op: str | None = None, edit: Edit | None = None, label: str = "",
                   **kwargs: Any) -> None: ...

        def _with_choices(self, then: Callable[[], None]) -> None: ...

        def _selected_module(self) -> dict[str, Any] | None: ...

    def history(self) -> History | None:
        if self.programme_id is None:
            return None
        return self.histories.setdefault(self.programme_id, History(self.programme_id))

    def edit(self, edit: Edit, label: str, focus: str | None = None) -> None:
        self.change(None, focus=focus, op="do", edit=edit, label=label)

    # ------------------------------------------------------------ adding

    def action_add_module(self) -> None:
        self._with_choices(lambda: self.pick_modules())

    def pick_modules(self, query: ModuleQuery | None = None, title: str | None = None) -> None:
        from catalogue.tui.dialogs.module_picker import ModulePickerDialog, Picked

        already = {m["id"] for m in (self.outline["modules"] if self.outline else [])}

        def chosen(picked: Picked | None) -> None:
            if picked:
                count = len(picked.module_ids)
                label = (f"added {picked.titles[0]}" if count == 1 else
                         f"added {plural(count, 'module')}: {_titles(picked.titles)}")
                self.edit(insert_modules(list(picked.module_ids)), label,
                          focus=picked.module_ids[-1])
                self.query_one("#modules").focus()

        assert self.picker_choices is not None
        self.app.push_screen(ModulePickerDialog(already, self.picker_choices, query, title),
                             chosen)

    # ------------------------------------------------------------ the highlighted module

    def action_remove_module(self) -> None:
        module = self._selected_module()
        if module is not None:
            self.edit(Remove((module["id"],)), f"removed {module['title']}")

    def action_move(self, step: int) -> None:
        module = self._selected_module()
        if module is None or self.outline is None:
            return
        target = module["position"] + step
        if 1 <= target <= len(self.outline["modules"]):
            self.edit(Move(module["id"], target),
                      f"moved {module['title']} to position {target}", focus=module["id"])

    def action_override_hours(self) -> None:
        from catalogue.core.programmes.model import parse_hours
        from catalogue.tui.dialogs.prompt import PromptDialog

        module = self._selected_module()
        if module is None:
            return
        library = module["library_hours"]

        def hours_of(value: str) -> float | None:
            """The hours typed (None: the library's); the core's refusal keeps the dialog
            open with its reason."""
            return None if value.strip().lower() in LIBRARY_HOURS else parse_hours(value)

        def answered(value: str | None) -> None:
            if value is None:
                return
            hours = hours_of(value)  # (checked in the dialog)
            said = f"{hours:g} h" if hours is not None else f"the library's {library:g} h"
            self.edit(SetHours(module["id"], hours), f"set {module['title']} to {said}",
                      focus=module["id"])

        self.app.push_screen(PromptDialog(
            f"Hours for {module['title']}", f"Hours (library: {library:g}; leave empty to "
            "use the library's)", value=f"{module['hours']:g}" if module["hours_overridden"]
            else "", placeholder=f"{library:g}", check=hours_of), answered)

    # ------------------------------------------------------------ fixes

    def current_fix(self) -> Fix | None:
        """The highlighted module's first fix, else the outline's first."""
        module = self._selected_module()
        fixes = [f for f in self.fixes if f is not None]
        if module is not None:
            mine = next((f for f in fixes if f.module_id == module["id"]), None)
            if mine is not None:
                return mine
        return fixes[0] if fixes else None

    def action_fix(self) -> None:
        fix = self.current_fix()
        if fix is None:
            self.notify("No warning to fix", timeout=3)
            return
        if fix.edit is not None:
            self.edit(fix.edit, fix.label, focus=fix.module_id)
        elif fix.suggest is not None:
            self._with_choices(lambda: self.pick_modules(
                fix.suggest, f"{fix.label[0].upper()}{fix.label[1:]}"))

    # ------------------------------------------------------------ undo and redo

    def action_undo(self) -> None:
        self.change(None, op="undo")

    def action_redo(self) -> None:
        self.change(None, op="redo")
