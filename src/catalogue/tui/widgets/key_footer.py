"""A Footer that rebuilds its keys only when the keys it shows have changed.

Textual's Footer recomposes (unmounts and mounts a key widget per binding, each restyled) on
every ``refresh_bindings()`` of its screen, and every focus change, reactive with
``bindings=True`` or table page calls one; several in one frame recompose several times.
Opening the requests board did that about a dozen times (about 95 ms of styling).
:class:`KeyFooter` coalesces the calls of one frame into one check, and hands the call on to
``Footer.bindings_changed`` (which recomposes) only when the shown keys (key, description,
enabled, tooltip) differ from what is on show. Everything else is Textual's own Footer.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """``Footer`` with the same look; see the module docstring."""

    def __init__(self, *, compact: bool = False, id: str | None = None) -> None:
        super().__init__(compact=compact, id=id)
        self._keys_on_show: tuple[Any, ...] | None = None
        self._check_pending = False

    def _shown_keys(self) -> tuple[Any, ...]:
        active = self.screen.active_bindings
        shown = tuple((binding.key, binding.action, binding.description, binding.group,
                       enabled, tooltip)
                      for (_node, binding, enabled, tooltip) in active.values() if binding.show)
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        extra = (palette[1].key, palette[2]) if palette and self.show_command_palette else None
        return shown, extra, self.app.app_focus

    def bindings_changed(self, screen: Screen[Any]) -> None:
        if self.is_attached and screen is self.screen and not self._check_pending:
            self._check_pending = True
            self.call_after_refresh(self._recompose_if_changed, screen)

    def _recompose_if_changed(self, screen: Screen[Any]) -> None:
        self._check_pending = False
        if not self.is_attached:
            return
        keys = self._shown_keys()
        if keys != self._keys_on_show:
            if screen.app.app_focus:  # else Footer waits for the focus: check again then
                self._keys_on_show = keys
            super().bindings_changed(screen)
