"""``catalogue request pack``: the IPAB submission draft of a request, as Word or Markdown."""

from __future__ import annotations

from pathlib import Path

import click

from catalogue.cli.context import AppContext, pass_app
from catalogue.cli.output_file import OutputFile
from catalogue.core.names import printable


@click.command("pack")
@click.argument("request_id", type=int)
@click.option("-o", "--output", type=OutputFile(), metavar="FILE", required=True,
              help="File to write: .docx (Word) or .md (Markdown), e.g. -o ipab-12.docx.")
@click.option("--author", help="Author named on the draft (default: your login, or the "
                               "signed-in user), e.g. --author 'J. Smith'.")
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists, e.g. --force.")
@pass_app
def pack(app: AppContext, request_id: int, output: Path, author: str | None,
         force: bool) -> None:
    """Write the IPAB submission draft of a request, for the Joint International Policing Hub
    (JIPH): requesting body and unit, country and location, dates, course title and purpose,
    modules and hours, ranks and numbers, who delivers (s.26 reference when serving officers
    do), partners, costs and who pays, the mission consulted, the OSJA status and decided
    level, and disclosure notes. Whatever is not recorded is listed on the first page as a
    checklist. The fields follow data/ipab-form.toml; the document is marked from the
    sensitivity of what it describes (data/sensitivity.toml).

    Exit codes: 1 no such request, 2 a FILE not named .docx or .md, 6 FILE cannot be written
    (or exists, without --force).

    \b
    Examples:
      catalogue request pack 12 -o ipab-12.docx
      catalogue request pack 12 -o ipab-12.md --author 'J. Smith' --force
    """
    from catalogue.core.requests.pack import pack_format, save_pack

    pack_format(output)  # a wrong suffix is a usage error before anything else
    written, draft = save_pack(app.store(), request_id, output, force=force, author=author)
    checklist = draft.checklist
    todo = (f"; {len(checklist)} field{'s' if len(checklist) != 1 else ''} to complete, "
            "listed on its first page" if checklist else "; nothing is missing")
    click.echo(f"Wrote the IPAB submission draft of request {request_id} to "
               f"{printable(str(written))}{todo}")
