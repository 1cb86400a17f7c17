"""The top bar: the app's name, one tab per main screen (click or F2/F3/F4), and key hints."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup
from textual.widgets import Button, Label

from catalogue.tui.shown import shown_text

TABS = (("explorer", "Explorer", "app.explorer"), ("builder", "Programmes", "app.builder"),
        ("board", "Requests", "app.board"))


class NavBar(HorizontalGroup):
    DEFAULT_CSS = """
    NavBar {
        height: 1;
        background: $panel;
        dock: top;
    }
    NavBar > #nav-name { padding: 0 1; text-style: bold; color: $accent; }
    NavBar > Button.nav-tab { min-width: 0; margin: 0 1 0 0; background: $panel; }
    NavBar > Button.nav-tab.-current { background: $primary; color: $text; text-style: bold; }
    NavBar > #nav-spacer { width: 1fr; }
    NavBar > #nav-place { color: $text; padding: 0 1; }
    NavBar > #nav-hint { color: $text-muted; padding: 0 1 0 0; }
    """

    def __init__(self, current: str, place: str = "") -> None:
        super().__init__(id="navbar")
        self.current = current
        self.place = place

    def compose(self) -> ComposeResult:
        yield Label("catalogue", id="nav-name")
        for mode, label, binding_id in TABS:
            button = Button(Text(f"{self._key(binding_id)} {label}"), id=f"nav-{mode}",
                            classes="nav-tab", compact=True)
            button.can_focus = False
            button.set_class(mode == self.current, "-current")
            yield button
        yield Label("", id="nav-spacer")
        yield Label(shown_text(Text(self.place)), id="nav-place")
        hints = [f"{self._key('app.help')} help", f"{self._key('app.command-palette')} jump",
                 f"{self._key('app.quit')} quit"]
        yield Label(Text(" · ".join(hints)), id="nav-hint")

    def _key(self, binding_id: str) -> str:
        """The key shown for a tab, after the user's keymap."""
        from catalogue.tui.app_bindings import APP_BINDINGS

        keymap = getattr(self.app, "keymap", {})
        for binding in APP_BINDINGS:
            if isinstance(binding, Binding) and binding.id == binding_id:
                key = keymap.get(binding_id, binding.key).split(",")[0]
                return self.app.get_key_display(binding.with_key(key))
        return ""

    def set_place(self, place: str) -> None:
        """Where the user is (e.g. "Programme 3"), shown before the key hints."""
        self.place = place
        self.query_one("#nav-place", Label).update(shown_text(Text(place)))

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        mode = (event.button.id or "").removeprefix("nav-")
        await self.app.run_action(f"switch_screen_mode('{mode}')")
