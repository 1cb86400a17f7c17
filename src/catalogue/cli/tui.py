"""``catalogue tui`` (and ``catalogue`` with no command): open the Textual app.

Textual is imported only inside the command, so other commands never load it.
"""

from __future__ import annotations

from pathlib import Path

import click

from catalogue.cli.context import AppContext, pass_app


@click.command()
@click.option("--config", "config_file", type=click.Path(dir_okay=False),
              help="Settings file for theme and keys (default: $CATALOGUE_CONFIG, else "
                   "config.toml in the user config directory; see docs/tui.md).")
@pass_app
def tui(app: AppContext, config_file: str | None) -> None:
    """Open the app: country explorer, programme builder and requests board.

    F1 lists every key; Ctrl+P jumps to any country, discipline, module, programme or
    request; Ctrl+Q quits. Keys and theme can be set in the settings file.
    """
    from catalogue.tui.config import load_config

    config = load_config(Path(config_file) if config_file else None)

    from catalogue.tui.app import CatalogueApp

    tui_app = CatalogueApp(app.db_path, config)
    tui_app.run()
    if tui_app.startup_error is not None:
        raise tui_app.startup_error
    if tui_app.return_code:
        raise click.exceptions.Exit(tui_app.return_code)
