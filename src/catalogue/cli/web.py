"""``catalogue serve`` (the app in a browser) and ``catalogue publish`` (the read-only web
view for the team). Both need ``pip install 'catalogue[web]'``."""

from __future__ import annotations

import ipaddress
import os

import click

from catalogue.cli.context import AppContext, pass_app
from catalogue.core.errors import InvalidInputError
from catalogue.core.names import printable
from catalogue.web import listen

LOOPBACK = "127.0.0.1"
NO_AUTH = ("{what} has no sign-in of its own: anyone who can reach {host}:{port} can {can}. "
           "Put the organisation's single sign-on proxy in front of it and bind it to "
           "127.0.0.1 (docs/deploy.md).")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check_host(host: str, port: int, allow_remote: bool, what: str, can: str) -> None:
    """Loopback unless --allow-remote is given; say why either way (stderr)."""
    if _is_loopback(host):
        return
    why = NO_AUTH.format(what=what, host=printable(host), port=port, can=can)
    if not allow_remote:
        raise click.UsageError(f"binding to {printable(host)} needs --allow-remote. {why}")
    click.echo(f"catalogue: warning: {why}", err=True)


def _needs_web(module: str) -> None:
    import importlib.util

    if importlib.util.find_spec(module) is None:
        raise InvalidInputError(f"this needs the web extra ({module} is not installed): "
                                "pip install 'catalogue[web]'")


HOST_HELP = "Address to listen on (default 127.0.0.1; another needs --allow-remote)."
REMOTE_HELP = ("Allow an address other than the loopback one. There is no sign-in: put the "
               "organisation's single sign-on proxy in front.")


@click.command()
@click.option("--host", default=LOOPBACK, show_default=True, help=HOST_HELP)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535),
              help="Port to listen on.")
@click.option("--allow-remote", is_flag=True, help=REMOTE_HELP)
@click.option("--public-url", metavar="URL",
              help="The address browsers use, when behind a proxy "
                   "(e.g. https://catalogue.example.org).")
@click.option("--user-header", metavar="NAME",
              help="Trusted header naming the signed-in user, set by the sign-on proxy "
                   "(e.g. X-Forwarded-User); recorded in the audit trail. Sessions "
                   "without it are refused.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False),
              help="Settings file for each session's theme and keys.")
@pass_app
def serve(app: AppContext, host: str, port: int, allow_remote: bool, public_url: str | None,
          user_header: str | None, config_file: str | None) -> None:
    """Run the app in a browser: each tab is its own app on this database.

    \b
    Examples:
      catalogue --db /srv/catalogue/catalogue.db serve
      catalogue serve --port 8010 --public-url https://catalogue.example.org \\
          --user-header X-Forwarded-User
    """
    _check_host(host, port, allow_remote, "catalogue serve", "use the app and change the register")
    _needs_web("textual_serve")
    listen.check_listen(host, port)  # before announcing the start: a taken port is one line, no more
    app.store()  # creates, migrates and seeds before the first session; errors here
    db_path = os.path.abspath(app.db_path)
    app.close()
    from catalogue.web.serve import run

    click.echo(f"Serving the app on http://{printable(host)}:{port} "
               f"(database {printable(db_path)}); Ctrl+C stops it", err=True)
    run(db_path, host, port, public_url=public_url, user_header=user_header,
        config=os.path.abspath(config_file) if config_file else None)


@click.command()
@click.option("--host", default=LOOPBACK, show_default=True, help=HOST_HELP)
@click.option("--port", default=8001, show_default=True, type=click.IntRange(1, 65535),
              help="Port to listen on.")
@click.option("--allow-remote", is_flag=True, help=REMOTE_HELP)
@click.option("--refresh", default=60, show_default=True, type=click.IntRange(1, 86400),
              help="Seconds between checks for changes to the database (the copy is "
                   "rebuilt when it changed, and daily).")
@click.option("--audience", type=click.Choice(["team", "public"]), default="team",
              show_default=True,
              help="team: public fields and the request fields marked for the team "
                   "(state, country, disciplines, dates, OSJA review marks); public: public "
                   "fields only, no requests.")
@pass_app
def publish(app: AppContext, host: str, port: int, allow_remote: bool, refresh: int,
            audience: str) -> None:
    """Serve a read-only web view of the register for the team (Datasette).

    The view is a copy holding only what core/disclosure.py lets its audience see. For the
    team: public fields plus each request's country, state, public disciplines, delivery
    mode and dates, and its OSJA review marks; never names, notes, references, costs, the
    audit trail or the trainer roster. It is rebuilt on start, whenever the database
    changes and daily.

    \b
    Examples:
      catalogue --db /srv/catalogue/catalogue.db publish --port 8001
      catalogue publish --audience public --port 8002
    """
    _check_host(host, port, allow_remote, "catalogue publish", f"read the {audience} copy")
    _needs_web("datasette")
    listen.check_listen(host, port)
    app.store()
    db_path = os.path.abspath(app.db_path)
    app.close()
    from catalogue.web.publish import run

    def report(message: str) -> None:
        click.echo(f"catalogue publish: {message}", err=True)

    click.echo(f"Publishing the {audience} copy of {printable(db_path)} on "
               f"http://{printable(host)}:{port}; Ctrl+C stops it", err=True)
    run(db_path, host, port, refresh, report, audience)
