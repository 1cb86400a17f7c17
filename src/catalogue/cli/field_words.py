"""How CLI users give the fields a core error names. See :func:`catalogue.core.errors.worded`."""

from __future__ import annotations

from catalogue.core.errors import CatalogueError, worded

CLI_FIELDS = {
    "by": "--by",
    "reason": "--reason",
    "overwrite": "use --force to overwrite it",
    "out_of": "--out-of",
    "skills": "--discipline or --module",
}


def cli_message(error: CatalogueError) -> str:
    """The error's message worded for the command line."""
    return worded(error, CLI_FIELDS)
