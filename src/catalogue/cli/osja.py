"""``catalogue osja``: the OSJA (Overseas Security and Justice Assistance) human-rights
assessment of a request as a record of human judgement (show, record, history, export,
questions, incident, incidents)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from catalogue.cli.blank import refuse_blank
from catalogue.cli.context import AppContext, pass_app
from catalogue.cli.osja_render import render_osja, render_versions
from catalogue.cli.output import dump_json, emit, output_options
from catalogue.cli.output_file import OutputFile
from catalogue.cli.scope_options import ISO_DATE, by_option
from catalogue.core.names import printable


@click.group()
def osja() -> None:
    """OSJA (Overseas Security and Justice Assistance) human-rights assessments.

    The tool decides nothing. It shows the OSJA prompts that apply to a request, the dated
    facts behind them and a suggested minimum approval level (local practice); people answer
    the prompts, judge the risk and decide the level, and the tool records that as a version
    that is never overwritten. A change to a fact a version relied on marks it
    "re-assessment needed". See docs/osja.md.

    \b
    Examples:
      catalogue osja show 12
      catalogue osja record 12 --author "J. Smith" --stage1-ref "BHC Nairobi OSJA 2026/3" ...
      catalogue osja history 12
      catalogue osja export 12 -o kenya-osja.docx
      catalogue osja incident Kenya --on 2026-11-28 --note "deaths in custody reported"
    """


@osja.command("show")
@click.argument("request_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Write JSON for scripts.")
@pass_app
def show(app: AppContext, request_id: int, as_json: bool) -> None:
    """Show a request's OSJA prompts (why and source), the risk facts with their dates, the
    suggested minimum approval level (local practice) and the latest recorded version.

    \b
    Example:
      catalogue osja show 12
    """
    from catalogue.core.osja.view import osja_overview

    data = osja_overview(app.store(), request_id)
    click.echo(dump_json(data) if as_json else render_osja(data))


def _pairs(values: tuple[str, ...], option: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for value in values:
        key, sep, text = value.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"use ID=VALUE, e.g. {option} serious-risk=no "
                                     f"(got {printable(value)!r})", param_hint=option)
        if key.strip() in found:
            raise click.BadParameter(f"{key.strip()} is given twice", param_hint=option)
        found[key.strip()] = text.strip()
    return found


def _consulted(values: tuple[str, ...]) -> list[tuple[str, date]]:
    from catalogue.core.dates import parse_date

    found = []
    for value in values:
        who, sep, when = value.rpartition(",")
        if not sep or not who.strip():
            raise click.BadParameter(f"use 'NAME, YYYY-MM-DD' (got {printable(value)!r})",
                                     param_hint="--consulted")
        found.append((who.strip(), parse_date(when, "consultation date")))
    return found


@osja.command("record")
@click.argument("request_id", type=int)
@click.option("--author", required=True, help="Who made the assessment (e.g. --author 'J. Smith').")
@click.option("--assessed-on", "assessed_on", type=ISO_DATE, default=None,
              help="Date of the assessment, YYYY-MM-DD (default: today).")
@click.option("--stage1-ref", "stage1_reference", required=True,
              help="The in-country (Stage 1) assessment relied on: the British mission's "
                   "reference (e.g. --stage1-ref 'BHC Nairobi OSJA 2026/3').")
@click.option("--stage1-date", "stage1_date", type=ISO_DATE, required=True,
              help="Date of that Stage 1 assessment, YYYY-MM-DD (e.g. --stage1-date 2026-10-01).")
@click.option("--answer", "answers", multiple=True,
              help="The answer to one prompt, ID=yes|no|unclear|not-applicable; one for every "
                   "prompt 'osja show' lists (e.g. --answer death-penalty=no).")
@click.option("--note", "notes", multiple=True,
              help="A note on one prompt's answer, ID=TEXT (e.g. --note "
                   "'death-penalty=assurances obtained, letter of 3 May').")
@click.option("--serious-risk", "serious_risk", type=click.Choice(["yes", "no"]), required=True,
              help="The judgement: is there a serious risk the assistance might directly or "
                   "significantly contribute to a violation? (e.g. --serious-risk no)")
@click.option("--ihl", type=click.Choice(["applies", "assumed", "does-not-apply"]), required=True,
              help="Whether international humanitarian law applies; 'assumed' where in doubt "
                   "(e.g. --ihl does-not-apply).")
@click.option("--mitigations", help="The mitigations agreed (e.g. --mitigations 'human rights "
                                    "module added; vetting of trainees').")
@click.option("--consulted", "consulted", multiple=True,
              help="Who was consulted and when, 'NAME, YYYY-MM-DD'; repeat for more (e.g. "
                   "--consulted 'BHC Nairobi political section, 2026-11-20').")
@click.option("--level", "decided_level", required=True,
              help="The approval level decided: an approver id such as head-of-department or "
                   "minister (e.g. --level minister).")
@click.option("--level-reason", "decided_reason", required=True,
              help="Why that level (e.g. --level-reason 'death penalty retained; no assurances').")
@click.option("--below-reason", "below_reason",
              help="Needed when the level is below the suggested minimum: why (e.g. "
                   "--below-reason 'assurances obtained from the Attorney General').")
@click.option("--review-on", "review_on", type=ISO_DATE,
              help="When to review the assessment, YYYY-MM-DD (default: policy [osja] "
                   "review_days after the assessment).")
@by_option
@click.option("--json", "as_json", is_flag=True, help="Write the version recorded as JSON.")
@pass_app
def record(app: AppContext, request_id: int, author: str, assessed_on: date | None,
           stage1_reference: str, stage1_date: date, answers: tuple[str, ...],
           notes: tuple[str, ...], serious_risk: str, ihl: str, mitigations: str | None,
           consulted: tuple[str, ...], decided_level: str, decided_reason: str,
           below_reason: str | None, review_on: date | None, by: str, as_json: bool) -> None:
    """Record a new version of a request's OSJA assessment (earlier versions are kept).

    Every prompt 'catalogue osja show' lists needs an answer. A level below the suggested
    minimum needs --below-reason (refused, exit 5, without it).

    \b
    Example:
      catalogue osja record 12 --author "J. Smith" --stage1-ref "BHC Nairobi 2026/3" \\
          --stage1-date 2026-10-01 --answer serious-risk=no --answer ... \\
          --serious-risk no --ihl does-not-apply --consulted "BHC Nairobi, 2026-11-20" \\
          --level head-of-department --level-reason "low risk; leadership course in the UK"
    """
    from catalogue.core.dates import utc_now
    from catalogue.core.osja.record import AssessmentInput, record_assessment

    data = AssessmentInput(
        author=author, assessed_on=assessed_on or utc_now().date(),
        stage1_reference=stage1_reference, stage1_date=stage1_date,
        serious_risk=serious_risk, ihl=ihl, decided_level=decided_level.strip(),
        decided_reason=decided_reason, answers=_pairs(answers, "--answer"),
        notes=_pairs(notes, "--note"), mitigations=mitigations,
        consulted=_consulted(consulted), below_reason=below_reason, review_on=review_on)
    version = record_assessment(app.store(), request_id, data, by=by)
    if as_json:
        click.echo(dump_json(version))
    else:
        click.echo(f"Recorded OSJA assessment version {version['version']} for request "
                   f"{request_id}: level decided {version['decided_level']}, review by "
                   f"{version['review_on']}. Next: catalogue request advance {request_id}")


@osja.command("history")
@click.argument("request_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Write JSON for scripts.")
@pass_app
def history(app: AppContext, request_id: int, as_json: bool) -> None:
    """Every version of a request's OSJA assessment, in full, oldest first.

    \b
    Example:
      catalogue osja history 12 --json
    """
    from catalogue.core.osja.record import versions

    found = versions(app.store(), request_id)
    if as_json:
        click.echo(dump_json(found))
    elif not found:
        click.echo(f"No OSJA assessment is recorded for request {request_id} "
                   f"(catalogue osja show {request_id}).")
    else:
        click.echo(render_versions(found))


@osja.command("export")
@click.argument("request_id", type=int)
@click.option("--format", "fmt", type=click.Choice(["md", "docx"]),
              help="md or docx (default: from the -o file's extension, else md), e.g. "
                   "--format docx.")
@click.option("-o", "--output", type=OutputFile(), metavar="FILE",
              help="File to write (default: standard output, Markdown only), e.g. "
                   "-o osja-12.docx.")
@click.option("--author", help="Author the document names (default: your login), e.g. "
                               "--author 'J. Smith'.")
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists, e.g. --force.")
@pass_app
def export(app: AppContext, request_id: int, fmt: str | None, output: Path | None,
           author: str | None, force: bool) -> None:
    """The OSJA assessment as a document: every version with its prompts and answers,
    judgement, mitigations, who was consulted and the decision, and a version history;
    marked with its classification on every page. Written whole or not at all.

    \b
    Examples:
      catalogue osja export 12 --format md
      catalogue osja export 12 -o kenya-osja.docx
    """
    from catalogue.core.exports.osja_document import export_osja, save_osja

    if fmt is None:
        fmt = _osja_format(output)
    store = app.store()
    if output is None:
        if fmt == "docx":
            raise click.UsageError("docx is a binary format: give a file with -o FILE")
        click.echo(export_osja(store, request_id, fmt, author=author).decode("utf-8"), nl=False)
        return
    written = save_osja(store, request_id, fmt, output, force=force, author=author)
    click.echo(f"Wrote the OSJA assessment of request {request_id} ({fmt}) to "
               f"{printable(str(written))}")


def _osja_format(output: Path | None) -> str:
    """docx or md from the file's suffix (md for standard output or no suffix); any other
    suffix is a usage error, never Markdown under another name."""
    suffix = output.suffix.lower() if output is not None else ""
    if suffix in ("", ".md", ".markdown"):
        return "md"
    if suffix == ".docx":
        return "docx"
    raise click.UsageError(f"cannot tell the format from {printable(suffix)!r}: name the file "
                           ".docx (Word) or .md (Markdown), or give --format")


@osja.command("questions")
@click.option("--json", "as_json", is_flag=True, help="Write JSON for scripts.")
@pass_app
def questions(app: AppContext, as_json: bool) -> None:
    """The OSJA question set (data/osja-questions.toml), with the guidance edition it follows.

    \b
    Example:
      catalogue osja questions
    """
    from catalogue.core.osja.riskfacts import questions_doc

    doc = questions_doc(app.store())
    if as_json:
        click.echo(dump_json(doc))
        return
    ed = doc["edition"]
    click.echo(f"{ed['title']} (published {ed['published']}); source: {ed['source']}")
    if ed.get("note"):
        click.echo(f"Note: {ed['note']}")
    for q in doc["questions"]:
        when = ", ".join(q["when"]) + (f"; any of: {', '.join(q['when_any'])}"
                                       if q["when_any"] else "")
        wording = ("" if q["wording"] == "guidance"
                   else " [organisation's own wording: the guidance's is not confirmed]")
        click.echo(f"\n[{q['id']}] {q['text']}{wording}\n    applies when: {when}\n"
                   f"    source: {q['source']}")


@osja.command("incident")
@click.argument("country", callback=refuse_blank)
@click.option("--on", "occurred_on", type=ISO_DATE, required=True,
              help="When it happened, YYYY-MM-DD (e.g. --on 2026-11-28).")
@click.option("--note", required=True, help="What happened, and the source (e.g. --note "
                                            "'deaths in custody reported by the UN, 28 Nov').")
@by_option
@click.option("--json", "as_json", is_flag=True, help="Write the incident as JSON.")
@pass_app
def incident(app: AppContext, country: str, occurred_on: date, note: str, by: str,
             as_json: bool) -> None:
    """Record a serious incident in COUNTRY. Every assessment made before it, for work in that
    country, then needs re-assessment.

    \b
    Example:
      catalogue osja incident Kenya --on 2026-11-28 --note "deaths in custody reported"
    """
    from catalogue.core.lookup import resolve_country
    from catalogue.core.osja.registers import record_incident

    store = app.store()
    entry = record_incident(store, resolve_country(store, country).code, occurred_on, note, by=by)
    click.echo(dump_json(entry) if as_json else
               f"Recorded serious incident {entry['id']} for {entry['code']} on "
               f"{entry['occurred_on']}.")


INCIDENT_COLUMNS = [("id", "Id"), ("code", "Code"), ("country", "Country"),
                    ("occurred_on", "On"), ("note", "What happened"), ("recorded_by", "By")]


@osja.command("incidents")
@click.option("--country", callback=refuse_blank,
              help="Only this country, in any form (e.g. --country KE).")
@output_options
@pass_app
def incidents(app: AppContext, country: str | None, fmt: str) -> None:
    """List the serious incidents recorded.

    \b
    Example:
      catalogue osja incidents --country Kenya
    """
    from catalogue.core.lookup import resolve_country
    from catalogue.core.osja.registers import incidents as list_incidents

    store = app.store()
    code = resolve_country(store, country).code if country else None
    emit(list_incidents(store, code), INCIDENT_COLUMNS, fmt, empty="No serious incidents recorded.")
