"""Modal dialogs; each returns its answer through ``push_screen(dialog, callback)``."""

from __future__ import annotations

from typing import Any

from catalogue.tui.dialogs.choose import ChooseDialog
from catalogue.tui.dialogs.export import ExportDialog
from catalogue.tui.dialogs.module_picker import ModulePickerDialog
from catalogue.tui.dialogs.new_programme import NewProgrammeDialog
from catalogue.tui.dialogs.new_request import LinkProgrammeDialog, NewRequestDialog
from catalogue.tui.dialogs.prompt import PromptDialog
from catalogue.tui.dialogs.steps import AdvanceDialog, ExitDialog, ResetDialog
from catalogue.tui.dialogs.trainer_forms import (
    AccreditDialog,
    AssignDialog,
    NewTrainerDialog,
    UnavailableDialog,
)

DIALOG_CLASSES: list[Any] = [ChooseDialog, ExportDialog, ModulePickerDialog, NewProgrammeDialog,
                             PromptDialog, AdvanceDialog, ExitDialog, ResetDialog,
                             NewRequestDialog, LinkProgrammeDialog, NewTrainerDialog,
                             AccreditDialog, UnavailableDialog, AssignDialog]
