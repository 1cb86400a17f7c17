"""Undo and redo for one programme's outline edits (kept for a session, not stored).

Each step remembers what it said (``label``) and the edit that takes it back. Undoing applies
that edit and keeps its own inverse for redo; a new edit clears what could be redone. Every
application goes through :func:`~catalogue.core.programmes.edits.apply_edit`, one transaction,
so an undo that can no longer apply (another user removed the module meanwhile) fails with a
clear error and changes nothing; that step is then dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from catalogue.core.programmes.edits import Edit, apply_edit
from catalogue.core.store import Store

#: Steps kept per programme; the oldest go first.
LIMIT = 200


@dataclass(frozen=True)
class Step:
    label: str
    #: The edit that takes this step back (undo) or does it again (redo).
    edit: Edit


@dataclass(frozen=True)
class Done:
    """What happened: ``verb`` is "Done", "Undone" or "Redone"; ``label`` says what."""

    verb: str
    label: str


@dataclass
class History:
    programme_id: int
    undo: list[Step] = field(default_factory=list)
    redo: list[Step] = field(default_factory=list)

    def do(self, store: Store, label: str, edit: Edit) -> Done:
        """Apply a new edit; it can be undone."""
        inverse = apply_edit(store, self.programme_id, edit)
        self.undo = [*self.undo, Step(label, inverse)][-LIMIT:]
        self.redo = []
        return Done("Done", label)

    def undo_last(self, store: Store) -> Done | None:
        """Take back the last edit (None when there is nothing to undo)."""
        if not self.undo:
            return None
        step = self.undo.pop()
        self.redo.append(Step(step.label, apply_edit(store, self.programme_id, step.edit)))
        return Done("Undone", step.label)

    def redo_last(self, store: Store) -> Done | None:
        """Do again the edit last undone (None when there is nothing to redo)."""
        if not self.redo:
            return None
        step = self.redo.pop()
        self.undo.append(Step(step.label, apply_edit(store, self.programme_id, step.edit)))
        return Done("Redone", step.label)
