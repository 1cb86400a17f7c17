"""``catalogue programme export``: Markdown, JSON, CSV or Word, optionally redacted."""

from __future__ import annotations

from pathlib import Path

import click

from catalogue.cli.context import AppContext, pass_app
from catalogue.core.exports.render import FORMATS, check_format
from catalogue.core.names import printable

_BY_SUFFIX = {ext: name for name, (ext, _binary) in FORMATS.items()} | {".markdown": "md"}


@click.command()
@click.argument("programme_id", metavar="ID", type=int)
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)),
              help="md, json, csv or docx (default: from the -o file's extension, else md), "
                   "e.g. --format json.")
@click.option("--redact", is_flag=True,
              help="Public version: withholds confidential modules, counter-terrorism links, "
                   "costs and commercial terms, vulnerability notes and exact in-country dates, "
                   "and says what was withheld. E.g. --redact.")
@click.option("-o", "--output", type=click.Path(path_type=Path), metavar="FILE",
              help="File to write (default: standard output, text formats only), "
                   "e.g. -o outline.docx.")
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists, e.g. --force.")
@pass_app
def export(app: AppContext, programme_id: int, fmt: str | None, redact: bool,
           output: Path | None, force: bool) -> None:
    """Export a programme outline. Files are written whole or not at all (a temporary
    file is renamed into place) and never overwritten without --force.

    \b
    Examples:
      catalogue programme export 3 --format md
      catalogue programme export 3 --format docx -o kenya-command.docx
      catalogue programme export 3 --format json --redact -o public.json --force
    """
    from catalogue.core.exports import render

    if fmt is None:
        fmt = _BY_SUFFIX.get(output.suffix.lower(), "md") if output else "md"
    name = check_format(fmt)
    store = app.store()
    if output is None:
        if FORMATS[name][1]:
            raise click.UsageError(f"{name} is a binary format: give a file with -o FILE")
        data = render.export_programme(store, programme_id, name, redact=redact)
        click.echo(data.decode("utf-8"), nl=False)
        return
    written = render.save_export(store, programme_id, name, output, redact=redact, force=force)
    version = "public (redacted) " if redact else ""
    click.echo(f"Wrote the {version}{name} export of programme {programme_id} to "
               f"{printable(str(written))}")
