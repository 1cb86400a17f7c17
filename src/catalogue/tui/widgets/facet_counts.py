"""The explorer's facet line: requests by region and state under the current filters."""

from __future__ import annotations

from rich.text import Text

from catalogue.core.facets import RequestFacets


def facet_text(facets: RequestFacets) -> Text:
    """``Requests in Counter-terrorism, open/delivered/closed: Africa 12/30/2 │ Asia 3/1/0``"""
    which = facets.titles.get(facets.discipline or "", "every discipline")
    text = Text(f"Requests ({which}) ", style="dim")
    text.append("open", style="yellow")
    text.append("/", style="dim")
    text.append("delivered", style="green")
    text.append("/closed: ", style="dim")
    if not facets.regions:
        text.append("none for these countries", style="italic")
        return text
    for number, (region, counts) in enumerate(facets.regions.items()):
        if number:
            text.append(" │ ", style="dim")
        text.append(f"{region} ", style="bold")
        text.append(f"{counts['open']:,}", style="yellow")
        text.append("/", style="dim")
        text.append(f"{counts['delivered']:,}", style="green")
        text.append(f"/{counts['closed']:,}", style="dim")
    return text
