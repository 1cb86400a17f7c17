"""``catalogue programme export``: Markdown, JSON, CSV or Word, optionally redacted; or IATI
2.03 activity XML (always the public version), for one programme or every delivered one."""

from __future__ import annotations

from pathlib import Path

import click

from catalogue.cli.context import AppContext, pass_app
from catalogue.cli.output_file import OutputFile
from catalogue.core.counting import plural
from catalogue.core.exports.render import FORMATS, check_format
from catalogue.core.names import printable

_BY_SUFFIX = {ext: name for name, (ext, _binary) in FORMATS.items()} | {".markdown": "md",
                                                                          ".xml": "iati"}
IATI = "iati"


@click.command()
@click.argument("programme_id", metavar="ID", type=int, required=False)
@click.option("--format", "fmt", type=click.Choice([*FORMATS, IATI]),
              help="md, json, csv, docx or iati (IATI 2.03 activity XML, always the public "
                   "version; default: from the -o file's extension, else md), e.g. --format json.")
@click.option("--all-delivered", "all_delivered", is_flag=True,
              help="With --format iati: every programme whose request is delivered, in one "
                   "file, instead of ID. E.g. --all-delivered.")
@click.option("--redact", is_flag=True,
              help="Public version: withholds confidential modules, counter-terrorism links, "
                   "costs and commercial terms, vulnerability notes and exact in-country dates, "
                   "and says what was withheld. E.g. --redact.")
@click.option("-o", "--output", type=OutputFile(), metavar="FILE",
              help="File to write (default: standard output, text formats only), "
                   "e.g. -o outline.docx.")
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists, e.g. --force.")
@pass_app
def export(app: AppContext, programme_id: int | None, fmt: str | None, all_delivered: bool,
           redact: bool, output: Path | None, force: bool) -> None:
    """Export a programme outline. Files are written whole or not at all (a temporary
    file is renamed into place) and never overwritten without --force.

    \b
    Examples:
      catalogue programme export 3 --format md
      catalogue programme export 3 --format docx -o kenya-command.docx
      catalogue programme export 3 --format json --redact -o public.json --force
      catalogue programme export 3 --format iati -o kenya-iati.xml
      catalogue programme export --all-delivered --format iati -o delivered.xml
    """
    from catalogue.core.exports import render

    if fmt is None:
        fmt = _format_from_suffix(output)
    if all_delivered and fmt != IATI:
        raise click.UsageError("--all-delivered goes with --format iati")
    if (programme_id is None) != all_delivered:
        raise click.UsageError("give a programme ID, or --all-delivered with --format iati"
                               if programme_id is None else
                               "give a programme ID or --all-delivered, not both")
    if fmt == IATI:
        _export_iati(app, programme_id, output, force)
        return
    assert programme_id is not None
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


def _format_from_suffix(output: Path | None) -> str:
    """The format a file's suffix names; md for standard output or a file with no suffix.
    A suffix no format writes (``.pdf``, ``.txt``) is a usage error, never Markdown under
    another name."""
    if output is None or not output.suffix:
        return "md"
    fmt = _BY_SUFFIX.get(output.suffix.lower())
    if fmt is None:
        raise click.UsageError(
            f"cannot tell the format from {printable(output.suffix)!r}: name the file "
            ".md, .json, .csv, .docx or .xml (IATI), or give --format")
    return fmt


def _export_iati(app: AppContext, programme_id: int | None, output: Path | None,
                 force: bool) -> None:
    """IATI XML to FILE (or standard output), then what went in and the lists' dates."""
    from catalogue.core.iati.export import export_iati, save_iati

    store = app.store()
    delivered = programme_id is None
    if output is None:
        result = export_iati(store, programme_id, delivered=delivered)
        click.echo(result.data.decode("utf-8"), nl=False)
    else:
        result = save_iati(store, output, programme_id, delivered=delivered, force=force)
        count = plural(len(result.activities), "activity", "activities")
        click.echo(f"Wrote IATI 2.03 activity XML ({count}, the public version) to "
                   f"{printable(str(result.path))}")
    say = (lambda text: click.echo(text, err=True)) if output is None else click.echo
    for item in result.activities:
        say(f"  {printable(item.identifier)}: {item.status} {item.status_name}; sectors "
            + ", ".join(f"{s.code} {s.percentage}%" for s in item.sectors)
            + "".join(f"; {note}" for note in item.notes))
    for skipped in result.skipped:
        click.echo(f"catalogue: skipped programme {skipped.programme_id}: "
                   f"{printable(skipped.reason)}", err=True)
    for line in result.sources:
        say(f"  {line}")
