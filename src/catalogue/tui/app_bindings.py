"""The app's own key bindings (everywhere): quitting, help, the palette and the main screens.

Apart from the app so that the help list, the keymap check and the tab bar can read them
without importing the app (which imports the screens that show them: an import circle).
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

APP_BINDINGS: list[BindingType] = [
    Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True, show=False,
            tooltip="Quit the app"),
    Binding("ctrl+c", "help_quit", show=False, system=True),
    Binding("ctrl+p", "command_palette", "Jump", id="app.command-palette",
            priority=True, show=False,
            tooltip="Command palette: jump to any country, discipline, module, programme "
                    "or request, or change the theme"),
    Binding("f1,question_mark", "help", "Help", id="app.help", show=False,
            tooltip="This list of keys"),
    Binding("f2", "switch_screen_mode('explorer')", "Explorer", id="app.explorer",
            show=False, tooltip="The explorer: disciplines and countries"),
    Binding("f3", "switch_screen_mode('builder')", "Programmes", id="app.builder",
            show=False, tooltip="The programme builder"),
    Binding("f4", "switch_screen_mode('board')", "Requests", id="app.board", show=False,
            tooltip="The requests board"),
    Binding("f6", "switch_screen_mode('map')", "Map", id="app.map", show=False,
            tooltip="The world map"),
    Binding("f7", "switch_screen_mode('charts')", "Charts", id="app.charts", show=False,
            tooltip="Charts: workload, requests over time, step times, delivery by region"),
    Binding("f8", "ethics", "Ethics", id="app.ethics", show=False,
            tooltip="The Code of Ethics (2024 and 2014 editions)"),
    Binding("f9", "switch_screen_mode('roster')", "Trainers", id="app.roster", show=False,
            tooltip="The trainer roster"),
    Binding("f10", "switch_screen_mode('calendar')", "Calendar", id="app.calendar",
            show=False, tooltip="The delivery calendar"),
]
