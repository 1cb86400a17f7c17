"""The Textual app: opens the database in a worker, then shows the explorer.

The explorer, the builder and the board are Textual modes (``MODES``), each with its own
screen stack, created on first use and kept (F2/F3/F4 switch between them); the board is built
unseen shortly after start-up. F1 or ? shows every key.
Theme and keymap come from the settings file (:mod:`catalogue.tui.config`).
"""

from __future__ import annotations

import gc
import os
import re
import time
from typing import Any, ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.filter import LineFilter
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from catalogue.core.data.location import styles_dir
from catalogue.core.errors import CatalogueError
from catalogue.tui.app_bindings import APP_BINDINGS
from catalogue.tui.backend import Backend
from catalogue.tui.config import TuiConfig, check_config
from catalogue.tui.key_order import OrderedKeys
from catalogue.tui.palette import COMMAND_PROVIDERS
from catalogue.tui.shown import ControlFilter, shown
from catalogue.tui.theme import CATALOGUE_THEMES
from catalogue.tui.workers import report_failure

STYLESHEETS = ("app.tcss", "explorer.tcss", "builder.tcss", "board.tcss", "help.tcss",
               "dialogs.tcss", "map.tcss", "charts.tcss", "ethics.tcss", "roster.tcss",
               "calendar.tcss")
#: Seconds after the first screen is shown before the board is built in the background.
PREBUILD_DELAY = 0.5


class CatalogueApp(OrderedKeys):
    """``CatalogueApp(db_path, config).run()``; see docs/tui.md for screens and keys."""

    TITLE = "catalogue"
    CSS_PATH = [str(styles_dir() / name) for name in STYLESHEETS]
    #: Each main screen is a mode with its own screen stack (dialogs and help are pushed on
    #: the current one). A mode's screen is created (and its module imported) when it is
    #: first shown, then kept with its state while the others are shown.
    MODES: ClassVar[dict[str, Any]] = {
        "explorer": lambda: _screen("explorer", "ExplorerScreen"),
        "builder": lambda: _screen("builder", "BuilderScreen"),
        "board": lambda: _screen("board", "BoardScreen"),
        "map": lambda: _screen("map", "MapScreen"),
        "charts": lambda: _screen("charts", "ChartsScreen"),
        "roster": lambda: _screen("roster", "RosterScreen"),
        "calendar": lambda: _screen("calendar", "CalendarScreen"),
    }
    DEFAULT_MODE = "explorer"
    COMMANDS = App.COMMANDS | set(COMMAND_PROVIDERS)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-normal"), (180, "-wide")]
    BINDINGS: ClassVar[list[BindingType]] = APP_BINDINGS

    def __init__(self, db_path: str | os.PathLike[str] | None = None,
                 config: TuiConfig | None = None) -> None:
        super().__init__()
        from catalogue.tui.bindings import all_binding_ids

        self.config = config or TuiConfig()
        self.backend = Backend(db_path)
        for theme in CATALOGUE_THEMES:
            self.register_theme(theme)
        # Binding ids are only needed to check a keymap; collecting them imports every
        # screen and dialog (about 70 ms of start-up), so skip it when there is none.
        check_config(self.config, all_binding_ids() if self.config.keymap else (),
                     self.available_themes)
        self.theme = self.config.theme
        self.set_keymap(self.config.keymap)
        self.startup_error: CatalogueError | None = None
        self.started = time.perf_counter()
        self.ready_seconds: float | None = None
        self._settled: set[Screen[Any]] = set()
        self.control_filter = ControlFilter()

    def get_line_filters(self) -> list[LineFilter]:
        """Textual's filters, then the last guard against control characters in user text
        (:mod:`catalogue.tui.shown`)."""
        return [*super().get_line_filters(), self.control_filter]

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """Every notification's text with its control characters shown, not obeyed."""
        super().notify(shown(message), title=shown(title), severity=severity, timeout=timeout,
                       markup=markup)

    def get_key_display(self, binding: Binding) -> str:
        """As Textual shows keys, but function keys in capitals (F1, not f1)."""
        shown = super().get_key_display(binding)
        return shown.upper() if re.fullmatch(r"f\d{1,2}", shown) else shown

    @property
    def keymap(self) -> dict[str, str]:
        return dict(self.config.keymap)

    def on_load(self) -> None:
        # No cyclic garbage collection while the first screen is built: the objects made
        # now (modules, widgets, styles) live as long as the app, and a full collection
        # over them costs about 70 ms each time one runs. See _settle_memory.
        gc.disable()

    def on_mount(self) -> None:
        self.open_database()

    @work(thread=True, exclusive=True, exit_on_error=False, group="open")
    def open_database(self) -> None:
        """Open (on first use: create and seed) the database; the explorer's own workers
        wait for it. A database that cannot be used ends the app with its message."""
        self.backend.open()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "open":
            return
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            if isinstance(error, CatalogueError):
                self.startup_error = error
                self.exit(return_code=int(error.exit_code))
            else:
                report_failure(self, error)

    def screen_ready(self, screen: Screen[Any]) -> None:
        """Called by a main screen once its first data is on show."""
        self._settle_memory(screen)
        if self.ready_seconds is None:
            self.ready_seconds = time.perf_counter() - self.started
            self.set_timer(PREBUILD_DELAY, self._prebuild_board)

    async def _prebuild_board(self) -> None:
        """Build the requests board (compose, styles, its first queries) while the user
        looks at the explorer, so the first F4 only has to lay it out and draw it: its mode
        is entered and left within one callback, so no frame shows it. Entered once more
        after it has mounted, as Textual restyles a mode's screen on its first visit once
        mounted (a full style sheet refresh: better now than on the first F4). Skipped (the
        board is then built on the first F4) when the user has moved on or has a dialog
        open."""
        def idle() -> bool:
            return self.is_running and self.current_mode == "explorer" \
                and len(self.screen_stack) == 1

        if idle():
            mounted = self.switch_mode("board")
            self.switch_mode("explorer")
            await mounted
            if idle():
                self.switch_mode("board")
                self.switch_mode("explorer")

    @property
    def is_ready(self) -> bool:
        return self.ready_seconds is not None

    # ------------------------------------------------------------------ actions

    async def action_switch_screen_mode(self, name: str) -> None:
        """Show the explorer, the builder or the board (closing any dialog first)."""
        while len(self.screen_stack) > 1 and self.screen.is_modal:
            await self.pop_screen()
        await self.switch_mode(name)

    def action_help(self) -> None:
        from catalogue.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            from catalogue.tui.bindings import binding_sections

            self.push_screen(HelpScreen(binding_sections()))

    def action_ethics(self, edition: int | None = None) -> None:
        """Show the Code of Ethics (every edition, or one), over the current screen."""
        from catalogue.tui.screens.ethics import EthicsScreen

        if not isinstance(self.screen, EthicsScreen):
            self.push_screen(EthicsScreen(edition))

    def open_builder(self, *, country: str | None = None,
                     programme_id: int | None = None) -> None:
        """Switch to the programme builder, starting a programme or opening one."""
        def then() -> None:
            from catalogue.tui.screens.builder import BuilderScreen

            screen = self.screen
            if isinstance(screen, BuilderScreen):
                if programme_id is not None:
                    screen.open_programme(programme_id)
                else:
                    screen.new_programme(country)

        self.call_after_refresh(self._switch_then, "builder", then)

    def open_request(self, request_id: int) -> None:
        def then() -> None:
            from catalogue.tui.screens.board import BoardScreen

            if isinstance(self.screen, BoardScreen):
                self.screen.open_request(request_id)

        self.call_after_refresh(self._switch_then, "board", then)

    def show_in_explorer(self, kind: str, item_id: str) -> None:
        def then() -> None:
            from catalogue.tui.screens.explorer import ExplorerScreen

            screen = self.screen
            if isinstance(screen, ExplorerScreen):
                if kind == "country":
                    screen.show_country(item_id)
                else:
                    screen.show_item(kind, item_id)

        self.call_after_refresh(self._switch_then, "explorer", then)

    async def _switch_then(self, mode: str, then: Any) -> None:
        await self.action_switch_screen_mode(mode)
        self.call_after_refresh(then)

    def on_unmount(self) -> None:
        self.backend.close()
        gc.enable()

    def _settle_memory(self, screen: Screen[Any]) -> None:
        """Once a main screen is first shown, move everything alive into the collector's
        permanent generation and (re)enable collection. Later collections then look only at
        objects made since, instead of every widget, style and module of the app: about
        70 ms of UI-thread time per full collection, which otherwise lands on a random
        key press (a search keystroke, opening the board)."""
        if screen in self._settled:
            return
        self._settled.add(screen)
        gc.freeze()
        gc.enable()


def _screen(module: str, name: str) -> Screen[Any]:
    """A main screen, imported when it is first shown."""
    import importlib

    screen: Screen[Any] = getattr(importlib.import_module(f"catalogue.tui.screens.{module}"),
                                  name)()
    return screen
