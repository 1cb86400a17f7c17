"""Modal dialogs; each returns its answer through ``push_screen(dialog, callback)``."""

from __future__ import annotations

from typing import Any

from catalogue.tui.dialogs.choose import ChooseDialog

DIALOG_CLASSES: list[Any] = [ChooseDialog]
