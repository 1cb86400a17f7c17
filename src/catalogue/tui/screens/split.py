"""Screens with a split between a list and its detail that the user can move with keys.

Each such screen names the pane that moves (``SPLIT_PANE``, a selector) and which side of the
split it is on (``SPLIT_SIDE``). Ctrl+← / Ctrl+→ (or < / >) move the split two columns; = puts
it back where the style sheet has it. The width chosen is set through the public styles API
(``styles.width``), kept within the screen (the other side keeps at least ``MIN_REST``
columns), and remembered in ``config.toml`` under ``[panes]`` (:mod:`catalogue.tui.config`),
written atomically in a worker shortly after the last key.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from textual import events, on, work
from textual.binding import Binding, BindingType
from textual.timer import Timer
from textual.widget import Widget

from catalogue.tui.config import MAX_PANE, MIN_PANE
from catalogue.tui.screens.base import CatalogueScreen
from catalogue.tui.workers import Loaded, deliver

STEP = 2  # columns per key press
MIN_REST = 30  # columns always left to the other side of the split
SAVE_DELAY = 0.6  # seconds after the last key before the width is written
NATURAL_SHARE = 0.4  # the most of the screen a pane takes to show its content whole


class SplitSaved(Loaded[str]):
    """The settings file the pane width was written to."""


class SplitScreen(CatalogueScreen):
    """A main screen whose list/detail split moves (``[panes]`` in config.toml)."""

    #: The ``[panes]`` key: the screen's name (explorer, board, builder, roster).
    SPLIT_NAME: ClassVar[str] = ""
    #: The pane whose width changes, and whether it is left or right of the split.
    SPLIT_PANE: ClassVar[str] = ""
    SPLIT_SIDE: ClassVar[str] = "left"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+left,less_than_sign", "move_split(-1)", "Split ←", id="panes.left",
                show=False, tooltip="Move the split between the list and the detail to the "
                                    "left (remembered in config.toml)"),
        Binding("ctrl+right,greater_than_sign", "move_split(1)", "Split →",
                id="panes.right", show=False,
                tooltip="Move the split between the list and the detail to the right "
                        "(remembered in config.toml)"),
        Binding("equals_sign", "reset_split", "Split as shipped", id="panes.reset",
                show=False, tooltip="Put the split back where it was at first (and forget "
                                    "the width chosen)"),
    ]

    _split_timer: Timer | None = None
    _split_natural: int | None = None

    def split_pane(self) -> Widget | None:
        """The pane that moves, or None while the screen is still being put together (a
        resize can arrive before its children are mounted; the mount applies it then)."""
        found = self.query(self.SPLIT_PANE)
        return found.first() if found else None

    def split_width(self) -> int | None:
        """The width chosen for this screen's pane, if any (from config.toml)."""
        return self.config.panes.get(self.SPLIT_NAME)

    def split_limits(self) -> tuple[int, int]:
        """The narrowest and widest the pane may be on this screen, at its size now."""
        widest = min(MAX_PANE, max(MIN_PANE, self.size.width - MIN_REST))
        return MIN_PANE, widest

    def fit_split(self, natural: int) -> None:
        """The width the pane's content needs (whole names), used when no width is chosen
        and it takes at most ``NATURAL_SHARE`` of the screen; else the style sheet's."""
        self._split_natural = natural
        self.apply_split()

    def apply_split(self) -> None:
        """Give the pane the width chosen (kept within the screen), else the width its
        content needs if that fits, else the style sheet's."""
        chosen = self.split_width()
        pane = self.split_pane()
        if pane is None:
            return
        if chosen is None:
            natural = self._split_natural
            fits = natural is not None and natural <= self.size.width * NATURAL_SHARE
            pane.styles.width = natural if fits else None  # None: back to the .tcss rules
            return
        low, high = self.split_limits()
        pane.styles.width = max(low, min(high, chosen))

    @on(events.Resize)
    def split_resized(self) -> None:
        self.apply_split()

    @on(events.Mount)
    def split_mounted(self) -> None:
        self.apply_split()

    def on_screen_resume(self) -> None:
        self.apply_split()  # the config may have changed while another screen was shown

    def action_move_split(self, direction: int) -> None:
        pane = self.split_pane()
        if pane is None:
            return
        toward_pane = -1 if self.SPLIT_SIDE == "left" else 1
        current = self.split_width() or pane.outer_size.width
        low, high = self.split_limits()
        width = max(low, min(high, current - STEP * direction * toward_pane))
        self._remember(width)

    def action_reset_split(self) -> None:
        self._remember(None)

    def _remember(self, width: int | None) -> None:
        panes = dict(self.config.panes)
        if width is None:
            panes.pop(self.SPLIT_NAME, None)
        else:
            panes[self.SPLIT_NAME] = width
        self.catalogue.config = replace(self.config, panes=panes)
        self.apply_split()
        if self._split_timer is not None:
            self._split_timer.stop()
        self._split_timer = self.set_timer(SAVE_DELAY, lambda: self.save_split(width))

    @work(thread=True, exclusive=True, exit_on_error=False, group="save-split")
    def save_split(self, width: int | None) -> None:
        from catalogue.tui.config_write import save_setting

        path = save_setting(self.config.path, "panes", self.SPLIT_NAME, width)
        deliver(self, SplitSaved(str(path)))

    @on(SplitSaved)
    def split_saved(self, message: SplitSaved) -> None:
        self.split_saved_to = message.result
