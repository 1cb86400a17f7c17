"""The one migration registry: every feature's steps, in order, as sqlite-utils ``Migrations``.

Each feature keeps its steps in its own schema module's ``STEPS``; :func:`registry` registers
them, feature by feature in the order below, with sqlite-utils' ``Migrations`` decorator. That
registry is the one source of the steps and their names.

Opening the store (every command, the quick lookup included) only needs to know whether the
database has every step. Importing sqlite_utils for that would cost more than the lookup
itself, so the names are also written out, generated from the registry, in
``migration_names.py``; ``tests/test_store.py`` fails when that file differs from the registry
and says how to regenerate it: ``python -m catalogue.core.migration_steps``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils.migrations import Migrations

MIGRATION_SET = "catalogue"


def feature_steps() -> list[Callable[[Any], None]]:
    """Every feature's steps, in the order they run (append a new feature's at the end)."""
    from catalogue.core import facets_schema, meta_schema
    from catalogue.core.osja import schema as osja_schema
    from catalogue.core.programmes import schema as programme_schema
    from catalogue.core.requests import schema as request_schema
    from catalogue.core.rules import advice_schema
    from catalogue.core.trainers import schema as trainer_schema

    return [*meta_schema.STEPS, *advice_schema.STEPS, *request_schema.STEPS,
            *programme_schema.STEPS, *trainer_schema.STEPS, *facets_schema.STEPS,
            *osja_schema.STEPS]


def registry() -> Migrations:
    """The migration set, each step registered with sqlite-utils' decorator."""
    from sqlite_utils.migrations import Migrations

    migrations = Migrations(MIGRATION_SET)
    for step in feature_steps():
        migrations()(step)
    return migrations


def registered_names() -> list[str]:
    """The registry's step names, in order (read from sqlite-utils' own list of pending
    migrations on an empty database)."""
    from sqlite_utils import Database

    return [m.name for m in registry().pending(Database(memory=True))]


def names_module() -> str:
    """The text of ``migration_names.py`` for the registry as it is."""
    lines = "".join(f'    "{name}",\n' for name in registered_names())
    return ('"""The migration steps\' names, generated from the registry in migration_steps.py:\n'
            "do not edit; run ``python -m catalogue.core.migration_steps`` after adding a "
            'step."""\n\nNAMES: tuple[str, ...] = (\n' + lines + ")\n")


def names_file() -> str:
    import os

    return os.path.join(os.path.dirname(__file__), "migration_names.py")


if __name__ == "__main__":
    with open(names_file(), "w", encoding="utf-8") as out:
        out.write(names_module())
    print(f"wrote {names_file()}")
