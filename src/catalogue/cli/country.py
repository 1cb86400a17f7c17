"""``catalogue country QUERY``: the quick lookup liaison officers use every day."""

from __future__ import annotations

from typing import Any

import click

from catalogue.cli.blank import refuse_blank
from catalogue.cli.context import AppContext, pass_app
from catalogue.core.card_view import card_plain_text, country_card_view
from catalogue.core.country_card import country_card_with_activity
from catalogue.core.lookup import resolve_country


def complete_country(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    """Shell completion: country names starting with what has been typed."""
    from catalogue.core.names import fold
    from catalogue.core.store import default_db_path, open_store

    try:
        db_path = ctx.find_root().params.get("db_path") or default_db_path()
        with open_store(db_path) as store:
            rows = store.query(
                "SELECT DISTINCT name FROM country_names WHERE key LIKE ? AND source NOT IN "
                "('alpha-2','alpha-3','numeric') ORDER BY name LIMIT 50",
                (fold(incomplete) + "%",))
    except Exception:
        return []
    return [r[0] for r in rows]


@click.command()
@click.argument("query", nargs=-1, required=True, shell_complete=complete_country,
                callback=refuse_blank)
@click.option("--json", "as_json", is_flag=True, help="Write the card as JSON.")
@pass_app
def country(app: AppContext, query: tuple[str, ...], as_json: bool) -> None:
    """Show the card for a country or region.

    QUERY may be the name as listed, a common or official name, an ISO code (KE, KEN,
    404) or an alias (UAE, Ivory Coast, Burma ...); case, accents and apostrophes are
    ignored and clear misspellings are corrected (the card says so).

    \b
    Examples:
      catalogue country Kenya
      catalogue country "cote d'ivoire" --json
      catalogue country 404
    """
    store = app.store()
    typed = " ".join(query)
    card = country_card_with_activity(store, resolve_country(store, typed), typed)
    if as_json:
        from catalogue.cli.output import dump_json  # json: only when asked for

        click.echo(dump_json(card))
    else:
        click.echo(render_card(card))


def render_card(card: dict[str, Any]) -> str:
    """The country card (IPAB, JIPH, OSJA and s.26 spelled out on first use): the core's
    plain text, with the commands that show what a list leaves out."""
    code = card["code"]
    return card_plain_text(country_card_view(card), pointers={
        "programmes": f"catalogue programme list --country {code}",
        "requests": f"catalogue request list --open --country {code}",
        "prompts": "catalogue check",
    })
