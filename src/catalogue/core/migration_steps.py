"""Every migration step, in order. Features add their own module's STEPS here."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def all_steps() -> list[Callable[[Any], None]]:
    from catalogue.core import migrations
    from catalogue.core.programmes import schema as programme_schema
    from catalogue.core.requests import schema as request_schema
    from catalogue.core.rules import advice_schema

    return [*migrations.STEPS, *advice_schema.STEPS, *request_schema.STEPS,
            *programme_schema.STEPS]
