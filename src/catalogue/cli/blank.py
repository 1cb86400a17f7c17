"""Refuse an empty or blank name where a command takes one (a country, a region, words to
search for): a usage error (exit 2), not "not found" nor a filter silently left out."""

from __future__ import annotations

from typing import Any

import click


def refuse_blank(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """click callback: ``value`` as given, unless it is given but empty or blank."""
    if value is None:
        return value
    text = " ".join(value) if isinstance(value, tuple) else str(value)
    if not text.strip():
        wanted = "words to find" if param.name == "search" else "a name or code (e.g. Kenya, KE)"
        raise click.BadParameter(f"it is empty; give {wanted}", ctx, param)
    return value
