"""Every key binding the app defines, by where it applies (for F1 help and keymap checks)."""

from __future__ import annotations

from textual.binding import Binding, BindingType

from catalogue.tui.app_bindings import APP_BINDINGS


def _bindings(items: list[BindingType]) -> list[Binding]:
    return [b for b in items if isinstance(b, Binding) and not b.system]


def binding_sections() -> list[tuple[str, list[Binding]]]:
    """(where, bindings) for the app, each screen, and the reusable widgets and dialogs."""
    from catalogue.tui.dialogs import DIALOG_CLASSES
    from catalogue.tui.screens.board import BoardScreen
    from catalogue.tui.screens.builder import BuilderScreen
    from catalogue.tui.screens.calendar import CalendarScreen
    from catalogue.tui.screens.charts import ChartsScreen
    from catalogue.tui.screens.ethics import EthicsScreen
    from catalogue.tui.screens.explorer import ExplorerScreen
    from catalogue.tui.screens.help import HelpScreen
    from catalogue.tui.screens.map import MapScreen
    from catalogue.tui.screens.roster import RosterScreen
    from catalogue.tui.screens.split import SplitScreen
    from catalogue.tui.widgets.completing_input import CompletingInput
    from catalogue.tui.widgets.paged_table import PagedTable
    from catalogue.tui.widgets.world_map import WorldMap

    sections = [
        ("Everywhere", _bindings(APP_BINDINGS)),
        ("Explorer", _bindings(ExplorerScreen.BINDINGS)),
        ("Programmes", _bindings(BuilderScreen.BINDINGS)),
        ("Requests", _bindings(BoardScreen.BINDINGS)),
        ("Map", _bindings(MapScreen.BINDINGS) + _bindings(WorldMap.BINDINGS)),
        ("Charts", _bindings(ChartsScreen.BINDINGS)),
        ("Trainers", _bindings(RosterScreen.BINDINGS)),
        ("Calendar", _bindings(CalendarScreen.BINDINGS)),
        ("Panes (explorer, programmes, requests, trainers)", _bindings(SplitScreen.BINDINGS)),
        ("Paged tables", _bindings(PagedTable.BINDINGS)),
        ("Help", _bindings(HelpScreen.BINDINGS)),
        ("Code of Ethics", _bindings(EthicsScreen.BINDINGS)),
        ("Country fields", _bindings(CompletingInput.BINDINGS)),
    ]
    dialog_bindings: dict[str, Binding] = {}
    for dialog in DIALOG_CLASSES:
        for binding in _bindings(dialog.BINDINGS):
            dialog_bindings.setdefault(binding.id or binding.key, binding)
    sections.append(("Dialogs", list(dialog_bindings.values())))
    return sections


def all_binding_ids() -> set[str]:
    return {b.id for _where, bindings in binding_sections() for b in bindings if b.id}
