"""Options shared by ``check`` and the ``request`` commands: the scope, dates and ``--by``."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date
from typing import Any

import click

from catalogue.cli.blank import refuse_blank
from catalogue.core.dates import parse_date
from catalogue.core.errors import InvalidInputError

LOCATION_CHOICES = ("uk", "in-country", "remote")
DELIVERER_CHOICES = ("staff", "associates", "serving-officers")


def default_user() -> str:
    """The signed-in user (``catalogue serve``), else the OS login name, else "unknown".

    The audit trail records the OS login whatever is typed; a different name typed into
    ``--by`` is recorded as the person the change was made on behalf of.
    """
    from catalogue.core.identity import default_name

    return default_name()


class IsoDate(click.ParamType):
    """A ``YYYY-MM-DD`` date; ``2026-02-30`` is a usage error (exit 2)."""

    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        try:
            return parse_date(str(value), "date")
        except InvalidInputError as exc:
            self.fail(str(exc), param, ctx)


ISO_DATE = IsoDate()


def by_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--by", default=default_user, show_default="your login name",
                        help="Who is making the change, for the audit trail "
                             "(e.g. --by 'J. Smith').")(func)


def submission_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Who pays and who works with us: asked for by the IPAB submission (request pack)."""
    func = click.option("--partners", help="Partners delivering or supporting the training "
                                           "(e.g. --partners 'College of Policing; UNODC').")(func)
    return click.option("--funder", help="Who pays for the training (e.g. --funder 'Kenya "
                                         "Police Service', --funder 'CSSF').")(func)


def scope_options(*, editing: bool = False) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The scope options. When ``editing``, nothing has a default (only given fields change)."""

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        options = [
            click.option("--country", required=False, callback=refuse_blank,
                         help="Country or region in any form 'catalogue country' accepts "
                              "(e.g. --country Kenya, --country KE)."),
            click.option("--discipline", "disciplines", callback=refuse_blank, multiple=True,
                         help="Discipline by id or title; repeat for more "
                              "(e.g. --discipline leadership --discipline 'counter-terrorism')."),
            click.option("--module", "modules", callback=refuse_blank, multiple=True,
                         help="Module id from the library; repeat for more "
                              "(e.g. --module cmd-decision-logs)."),
            click.option("--location", type=click.Choice(LOCATION_CHOICES),
                         default=None if editing else "uk",
                         show_default=not editing,
                         help="Where the training is delivered (e.g. --location in-country)."),
            click.option("--audience", multiple=True,
                         help="Rank id or unit tag; repeat for more (e.g. --audience inspector "
                              "--audience public-order). See docs/workflow.md for the tags."),
            click.option("--delivered-by", "delivered_by", multiple=True,
                         type=click.Choice(DELIVERER_CHOICES),
                         help="Who delivers; repeat for more (e.g. --delivered-by staff "
                              "--delivered-by serving-officers)."),
            click.option("--cohort", type=click.IntRange(1, 10_000),
                         help="Number of people to train (e.g. --cohort 24)."),
            click.option("--start", type=ISO_DATE, help="First day, YYYY-MM-DD "
                                                        "(e.g. --start 2027-03-01)."),
            click.option("--end", type=ISO_DATE, help="Last day, YYYY-MM-DD "
                                                      "(e.g. --end 2027-03-12)."),
            click.option("--host", help="For in-country work for the European Union (not a "
                                        "country): the country where it takes place, whose facts "
                                        "and travel advice apply (e.g. --host Belgium)."),
            click.option("--ethics-concern", "ethics_concerns", multiple=True,
                         help="An ethics concern to record; repeat for more (e.g. "
                              "--ethics-concern 'reports of torture in custody')."),
        ]
        for option in reversed(options):
            func = option(func)
        return func

    return decorate


def needs_country(func: Callable[..., Any]) -> Callable[..., Any]:
    """Fail with a usage error (exit 2) when --country is missing."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if not kwargs.get("country"):
            raise click.UsageError("--country is required (e.g. --country Kenya)")
        return func(*args, **kwargs)

    return wrapper
