"""``catalogue map``: the app's world map in the terminal, with its legend."""

from __future__ import annotations

import shutil
import sys
from datetime import date

import click

from catalogue.cli.blank import refuse_blank
from catalogue.cli.context import AppContext, pass_app
from catalogue.cli.output import dump_json
from catalogue.cli.scope_options import ISO_DATE
from catalogue.core.counting import plural
from catalogue.core.names import printable
from catalogue.core.worldmap.picture import HIGHLIGHT, OUTSIDE, SEA, MapPicture, Run
from catalogue.core.worldmap.shading import SHADES

#: Without colour, each category is drawn with one of these (in legend order).
SYMBOLS = "#%+=o*~-"
PLAIN_OUTSIDE, PLAIN_HIGHLIGHT = ".", "@"


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def coloured_line(runs: tuple[Run, ...]) -> str:
    """One row of cells: "▀" with the top pixel's colour in front, the bottom's behind."""
    parts: list[str] = []
    for count, top, bottom in runs:
        if top == SEA and bottom == SEA:
            parts.append(" " * count)
        elif top == bottom:
            parts.append(click.style("█" * count, fg=_rgb(top)))
        elif bottom == SEA:
            parts.append(click.style("▀" * count, fg=_rgb(top)))
        elif top == SEA:
            parts.append(click.style("▄" * count, fg=_rgb(bottom)))
        else:
            parts.append(click.style("▀" * count, fg=_rgb(top), bg=_rgb(bottom)))
    return "".join(parts)


def plain_line(runs: tuple[Run, ...], symbols: dict[str, str]) -> str:
    """One row without colour: each cell shows its top pixel's category (else the bottom's)."""
    return "".join(symbols.get(top if top != SEA else bottom, " ") * count
                   for count, top, bottom in runs)


def legend(picture: MapPicture, symbols: dict[str, str] | None) -> list[str]:
    def swatch(colour: str) -> str:
        return symbols[colour] if symbols is not None else click.style("██", fg=_rgb(colour))

    shading = picture.shading
    lines = [f"{shading.title} — {picture.region.name}"]
    for category in shading.categories:
        mark = swatch(category.colour) if symbols is None else f"{swatch(category.colour):2}"
        lines.append(f"  {mark} {category.label} ({plural(category.count, 'country')})")
    if picture.region.codes is not None:
        lines.append(f"  {swatch(OUTSIDE) if symbols is None else '. '} outside "
                     f"{picture.region.name}, or no country in the table")
    if picture.highlight:
        mark = swatch(HIGHLIGHT) if symbols is None else "@ "
        lines.append(f"  {mark} {printable(picture.describe(picture.highlight))}")
    lines += [f"  {note}" for note in shading.notes]
    return lines


@click.command("map")
@click.option("--region", callback=refuse_blank,
              help="Zoom to a UN region, sub-region or liaison area (default: world).")
@click.option("--shade", "shading", default="assisted", show_default=True,
              help=f"What colours the countries: {', '.join(SHADES)}.")
@click.option("--discipline", callback=refuse_blank,
              help="Count only requests in this discipline (requests, delivered).")
@click.option("--since", type=ISO_DATE, help="Count only requests received (delivered) since.")
@click.option("--highlight", callback=refuse_blank,
              help="A country to mark on the map (name or code).")
@click.option("--width", type=click.IntRange(10, 400), help="Columns (default: the terminal's).")
@click.option("--height", type=click.IntRange(4, 200), help="Rows of map (default: to fit).")
@click.option("--color/--no-color", "colour", default=None,
              help="Colours (default: when writing to a terminal); without, symbols.")
@click.option("--json", "as_json", is_flag=True, help="Each country's category and value.")
@pass_app
def map_command(app: AppContext, region: str | None, shading: str, discipline: str | None,
                since: date | None, highlight: str | None, width: int | None,
                height: int | None, colour: bool | None, as_json: bool) -> None:
    """Print the world map, countries shaded by what is asked, with a legend.

    \b
    Examples:
      catalogue map --region Africa --shade requests
      catalogue map --shade delivered --discipline counter-terrorism --since 2024-01-01
      catalogue map --shade priority --no-color > map.txt
    """
    from catalogue.core.lookup import resolve_country
    from catalogue.core.worldmap.picture import world_map

    store = app.store()
    code = resolve_country(store, highlight).code if highlight else None
    size = shutil.get_terminal_size((100, 30))
    width = width or size.columns
    height = height or max(4, min(round(width * 0.28), size.lines - 12))
    picture = world_map(store, shading=shading, region=region, width=width, height=height,
                        highlight=code, discipline=discipline, since=since)
    if as_json:
        click.echo(dump_json(_as_data(picture)))
        return
    if colour is None:
        colour = sys.stdout.isatty()
    symbols = None if colour else _symbols(picture)
    for runs in picture.lines:
        click.echo(coloured_line(runs) if symbols is None else plain_line(runs, symbols),
                   color=colour)
    for line in legend(picture, symbols):
        click.echo(line, color=colour)


def _symbols(picture: MapPicture) -> dict[str, str]:
    symbols = {OUTSIDE: PLAIN_OUTSIDE, HIGHLIGHT: PLAIN_HIGHLIGHT}
    for index, category in enumerate(picture.shading.categories):
        symbols.setdefault(category.colour, SYMBOLS[index % len(SYMBOLS)])
    return symbols


def _as_data(picture: MapPicture) -> dict[str, object]:
    shading = picture.shading
    codes = picture.region.codes
    countries = [{"code": code, "name": picture.names.get(code), "category":
                  shading.categories[index].label, "value": shading.values.get(code)}
                 for code, index in sorted(shading.classes.items())
                 if codes is None or code in codes]
    return {"shade": shading.shade, "title": shading.title, "region": picture.region.name,
            "categories": [{"label": c.label, "colour": c.colour, "countries": c.count}
                           for c in shading.categories],
            "notes": list(shading.notes), "countries": countries}
