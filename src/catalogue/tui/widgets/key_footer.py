"""A Footer that rebuilds its keys only when the keys it shows have changed.

Textual's Footer recomposes (unmounts and mounts a FooterKey per binding, each restyled) on
every ``refresh_bindings()`` of its screen, and every focus change, reactive with
``bindings=True`` or table page calls one; several in one frame recompose several times.
Opening the requests board did that about a dozen times (about 95 ms of styling).
:class:`KeyFooter` coalesces the calls of one frame into one check, and recomposes only
when the shown keys (key, description, enabled, tooltip) differ from what is on show.
Compact keys get their class when created instead of through a data binding (which
restyled each key once more after mounting).
"""

from __future__ import annotations

from collections import defaultdict
from itertools import groupby
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey, FooterLabel, KeyGroup


class KeyFooter(Footer):
    """``Footer`` with the same look; see the module docstring."""

    def __init__(self, *, compact: bool = False, id: str | None = None) -> None:
        super().__init__(compact=compact, id=id)
        self._shown: tuple[Any, ...] | None = None
        self._check_pending = False

    def _signature(self) -> tuple[Any, ...]:
        active = self.screen.active_bindings
        shown = tuple((binding.key, binding.action, binding.description, binding.group,
                       enabled, tooltip)
                      for (_node, binding, enabled, tooltip) in active.values() if binding.show)
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        extra = (palette[1].key, palette[2]) if palette and self.show_command_palette else None
        return shown, extra

    def bindings_changed(self, screen: Screen[Any]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._check_pending:
            self._check_pending = True
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        self._check_pending = False
        if not self.is_attached:
            return
        signature = self._signature()
        if signature != self._shown:
            self._shown = signature
            await self.recompose()

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        active_bindings = self.screen.active_bindings
        compact = "-compact" if self.compact else ""
        by_action: defaultdict[str, list[tuple[Binding, bool, str]]] = defaultdict(list)
        for (_node, binding, enabled, tooltip) in active_bindings.values():
            if binding.show:
                by_action[binding.action].append((binding, enabled, tooltip))
        self.styles.grid_size_columns = len(by_action)
        for group, grouped in groupby(by_action.values(), lambda multi: multi[0][0].group):
            multi_bindings = list(grouped)
            if group is not None and len(multi_bindings) > 1:
                with KeyGroup(classes="-compact" if group.compact else ""):
                    for multi in multi_bindings:
                        binding, enabled, tooltip = multi[0]
                        yield self._key(binding, "", not enabled,
                                        tooltip or binding.description, f"-grouped {compact}")
                yield FooterLabel(group.description)
            else:
                for multi in multi_bindings:
                    binding, enabled, tooltip = multi[0]
                    yield self._key(binding, binding.description, not enabled, tooltip,
                                    compact)
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            found = active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
            if found is not None:
                _node, binding, enabled, _tooltip = found
                yield self._key(binding, binding.description, not enabled,
                                binding.tooltip or binding.description,
                                f"-command-palette {compact}")

    def _key(self, binding: Binding, description: str, disabled: bool, tooltip: str,
             classes: str) -> FooterKey:
        key = FooterKey(binding.key, self.app.get_key_display(binding), description,
                        binding.action, disabled=disabled, tooltip=tooltip,
                        classes=classes.strip())
        key.set_reactive(FooterKey.compact, self.compact)
        return key
