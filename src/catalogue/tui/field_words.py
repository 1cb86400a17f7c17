"""How the app's users give the fields a core error names (the CLI says ``--by``; here, the
dialog's own fields). See :func:`catalogue.core.errors.worded`."""

from __future__ import annotations

from catalogue.core.errors import CatalogueError, worded

APP_FIELDS = {
    "by": "fill in “By”",
    "reason": "give a reason",
    "overwrite": "tick “Overwrite the file if it exists”, or choose another file",
    "answers": "choose an answer for each prompt",
    "below_reason": "fill in why the level is below the suggestion",
    "consulted": "fill in who was consulted and when",
    "author": "fill in the author",
    "funder": "shorten “Funder”",
    "partners": "shorten “Partners”",
    "host_country": "edit the request (e) to give its host country",
    "travel_advice": "record it from the command line: catalogue advice set {country} LEVEL",
    "format": "choose Markdown or Word",
}


def app_message(error: CatalogueError | str) -> str:
    """The error's message (or a step's problem) worded for the app's users."""
    return worded(error, APP_FIELDS)
