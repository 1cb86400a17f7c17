"""``catalogue ethics``: read the Code of Ethics (both editions, or one)."""

from __future__ import annotations

import click

from catalogue.cli.context import AppContext, pass_app
from catalogue.cli.output import dump_json


@click.command()
@click.option("--edition", type=int, metavar="YEAR",
              help="Only this edition (e.g. --edition 2014); default: every edition, newest "
                   "first.")
@click.option("--json", "as_json", is_flag=True, help="Write the editions as JSON.")
@pass_app
def ethics(app: AppContext, edition: int | None, as_json: bool) -> None:
    """Show the Code of Ethics for policing in England and Wales, by edition.

    The 2024 edition has three principles; the 2014 edition has nine principles and ten
    Standards of Professional Behaviour. Work wholly inconsistent with the Code is
    declined. The text is kept in data/code-of-ethics.toml.

    \b
    Examples:
      catalogue ethics
      catalogue ethics --edition 2014
      catalogue ethics --edition 2024 --json
    """
    from catalogue.core.ethics import code_of_ethics, ethics_lines

    editions = code_of_ethics(app.store(), edition)
    if as_json:
        click.echo(dump_json(editions))
        return
    blocks = ["\n".join(ethics_lines(e)) for e in editions]
    click.echo("\n\n".join(blocks))
