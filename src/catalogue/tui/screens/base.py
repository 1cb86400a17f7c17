"""What every catalogue screen shares: the backend, the config, and one worker handler."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.screen import Screen

from catalogue.tui.workers import WorkerResults

if TYPE_CHECKING:
    from catalogue.tui.app import CatalogueApp
    from catalogue.tui.backend import Backend
    from catalogue.tui.config import TuiConfig


class CatalogueScreen(WorkerResults, Screen[None]):
    """A main screen (explorer, builder, board): workers report through ``show_*``."""

    @property
    def catalogue(self) -> CatalogueApp:
        return cast("CatalogueApp", self.app)

    @property
    def backend(self) -> Backend:
        return self.catalogue.backend

    @property
    def config(self) -> TuiConfig:
        return self.catalogue.config
