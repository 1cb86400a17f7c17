"""The app's start-up, as the benchmark times it: ``catalogue tui`` that quits at its first
complete screen.

    python benchmarks/start_app.py DB

The same imports and settings as ``catalogue --db DB tui`` (the click command line included),
then a subclass of the app that quits once the explorer's first data is on show and that
frame has been drawn: the moment ``benchmarks/minimal_tui.py`` quits at (its first frame).
"""

from __future__ import annotations

import sys
from typing import Any

from catalogue.cli.main import cli  # noqa: F401  (imported as `catalogue` imports it)
from catalogue.tui.app import CatalogueApp
from catalogue.tui.config import load_config


class StartOnce(CatalogueApp):
    """Quits after the first main screen's first complete frame."""

    def screen_ready(self, screen: Any) -> None:
        first = not self.is_ready
        super().screen_ready(screen)
        if first:
            self.call_after_refresh(self.exit)


def main(argv: list[str]) -> int:
    app = StartOnce(argv[0], load_config(None))
    app.run()
    return app.return_code or 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
