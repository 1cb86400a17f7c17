"""Command palette providers: jump to any country, discipline, module, programme or request.

Each provider loads its entries once per palette opening, in a thread worker through the
app's backend, then matches what is typed with Textual's fuzzy matcher. Names are shown as
plain text (a title containing ``[bold]`` is displayed as typed).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, cast

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.markup import escape

from catalogue.core.counting import plural
from catalogue.core.names import printable

if TYPE_CHECKING:
    from catalogue.tui.app import CatalogueApp

MAX_DISCOVERY = 12


@dataclass(frozen=True)
class Entry:
    text: str  # what is matched and shown
    help: str  # shown under it (plain text)
    jump: Callable[[], None]


def highlight(matcher: Matcher, candidate: str) -> Content:
    """Like ``Matcher.highlight`` but the candidate is never parsed as markup."""
    content = Content(candidate)
    score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    if score:
        for offset in offsets:
            if not candidate[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class CatalogueProvider(Provider):
    """Base: subclasses say how to fetch rows and turn them into entries."""

    kind = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.entries: list[Entry] = []

    @property
    def catalogue(self) -> CatalogueApp:
        return cast("CatalogueApp", self.app)

    def fetch(self, store: Any) -> list[dict[str, Any]]:
        raise NotImplementedError

    def entry(self, row: dict[str, Any]) -> Entry:
        raise NotImplementedError

    async def startup(self) -> None:
        from textual.worker import WorkerFailed

        app = self.catalogue
        if not app.backend.is_open:
            return
        worker = app.run_worker(partial(app.backend.call, self.fetch), thread=True,
                                exit_on_error=False, group=f"palette-{self.kind}")
        try:
            rows = await worker.wait()
        except WorkerFailed as failed:
            from catalogue.tui.workers import report_failure

            report_failure(app, failed.error, doing=f"loading {self.kind}")
            return
        self.entries = [self.entry(row) for row in rows]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for entry in self.entries:
            score = matcher.match(entry.text)
            if score > 0:
                yield Hit(score, highlight(matcher, entry.text), entry.jump, text=entry.text,
                          help=escape(entry.help))

    async def discover(self) -> Hits:
        for entry in self.entries[:MAX_DISCOVERY]:
            yield DiscoveryHit(Content(entry.text), entry.jump, text=entry.text,
                               help=escape(entry.help))


class CountryCommands(CatalogueProvider):
    """Countries by name as typed, and (from the core's country lookup, the one the CLI uses)
    by alias, code or a misspelling: ``kenia`` finds Kenya."""

    kind = "countries"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.by_code: dict[str, Entry] = {}

    def fetch(self, store: Any) -> list[dict[str, Any]]:
        from catalogue.core.country_pages import palette_countries

        return palette_countries(store)

    def entry(self, row: dict[str, Any]) -> Entry:
        listed = row["listed_as"] if row["listed_as"] and row["listed_as"] != row["name"] else ""
        text = f"{row['name']} ({row['code']})" + (f" — listed as {listed}" if listed else "")
        help_text = "Country · assisted" if row["assisted"] else "Country · not assisted"
        entry = Entry(text, help_text,
                      partial(self.catalogue.show_in_explorer, "country", row["code"]))
        self.by_code[row["code"]] = entry
        return entry

    async def search(self, query: str) -> Hits:
        matched: set[str] = set()
        async for hit in super().search(query):
            matched.add(hit.text or "")
            yield hit
        # Ranked as an exact match would be, times the lookup's confidence.
        perfect = self.matcher(query).match(query)
        for code, confidence in await self._looked_up(query):
            entry = self.by_code.get(code)
            if entry is not None and entry.text not in matched:
                yield Hit(perfect * confidence, Content(entry.text), entry.jump, text=entry.text,
                          help=escape(f"{entry.help} · closest to {query.strip()!r}"))

    async def _looked_up(self, query: str) -> list[tuple[str, float]]:
        """(code, score) of the countries the core's lookup finds for ``query``."""
        from textual.worker import WorkerCancelled, WorkerFailed

        app = self.catalogue
        if not app.backend.is_open or len(query.strip()) < 2:
            return []
        worker = app.run_worker(partial(app.backend.call, _lookup_codes, query), thread=True,
                                exit_on_error=False, group="palette-lookup")
        try:
            return await worker.wait()
        except (WorkerCancelled, WorkerFailed):
            return []


def _lookup_codes(store: Any, query: str) -> list[tuple[str, float]]:
    from catalogue.core.lookup import lookup_country

    result = lookup_country(store, query)
    matches = [result.match] if result.match is not None else result.candidates
    return [(m.code, min(m.score, 100.0) / 100.0) for m in matches]


class DisciplineCommands(CatalogueProvider):
    kind = "disciplines"

    def fetch(self, store: Any) -> list[dict[str, Any]]:
        from catalogue.core.catalog import list_disciplines

        return list_disciplines(store)

    def entry(self, row: dict[str, Any]) -> Entry:
        return Entry(row["title"], f"Discipline · {plural(row['modules'], 'module')}",
                     partial(self.catalogue.show_in_explorer, "discipline", row["id"]))


class ModuleCommands(CatalogueProvider):
    kind = "modules"

    def fetch(self, store: Any) -> list[dict[str, Any]]:
        from catalogue.core.catalog_pages import palette_modules

        return palette_modules(store)

    def entry(self, row: dict[str, Any]) -> Entry:
        return Entry(row["title"], f"Module · {row['discipline']} · {row['id']}",
                     partial(self.catalogue.show_in_explorer, "module", row["id"]))


class SearchingProvider(CatalogueProvider):
    """For long lists (programmes, requests): ask the database for each query instead of
    loading every row; a number finds that record directly."""

    def find(self, store: Any, text: str) -> list[dict[str, Any]]:
        raise NotImplementedError

    async def startup(self) -> None:
        self.entries = await self._lookup("")

    async def _lookup(self, text: str) -> list[Entry]:
        from textual.worker import WorkerCancelled, WorkerFailed

        app = self.catalogue
        if not app.backend.is_open:
            return []
        worker = app.run_worker(partial(app.backend.call, self.find, text), thread=True,
                                exit_on_error=False, group=f"palette-{self.kind}")
        try:
            rows = await worker.wait()
        except WorkerCancelled:
            return []
        except WorkerFailed as failed:
            from catalogue.tui.workers import report_failure

            report_failure(app, failed.error, doing=f"finding {self.kind}")
            return []
        return [self.entry(row) for row in rows]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for entry in await self._lookup(query):
            score = max(matcher.match(entry.text), 0.5)
            yield Hit(score, highlight(matcher, entry.text), entry.jump, text=entry.text,
                      help=escape(entry.help))


class ProgrammeCommands(SearchingProvider):
    kind = "programmes"

    def find(self, store: Any, text: str) -> list[dict[str, Any]]:
        from catalogue.core.programmes.pages import find_programmes

        return find_programmes(store, text)

    def entry(self, row: dict[str, Any]) -> Entry:
        return Entry(printable(f"#{row['id']} {row['title']}"),
                     f"Programme · {row.get('country_name') or ''}",
                     partial(self.catalogue.open_builder, programme_id=int(row["id"])))


class RequestCommands(SearchingProvider):
    kind = "requests"

    def find(self, store: Any, text: str) -> list[dict[str, Any]]:
        from catalogue.core.requests.pages import find_requests

        return find_requests(store, text)

    def entry(self, row: dict[str, Any]) -> Entry:
        from catalogue.core.requests.states import LABELS

        country = f" · {row['country_name']}" if row.get("country_name") else ""
        return Entry(printable(f"Request {row['id']}: {row['requesting_body']}{country}"),
                     f"Request · {row.get('country_name') or ''} · "
                     f"{LABELS.get(row['state'], row['state'])}",
                     partial(self.catalogue.open_request, int(row["id"])))


class EthicsCommands(CatalogueProvider):
    kind = "editions of the Code of Ethics"

    def fetch(self, store: Any) -> list[dict[str, Any]]:
        from catalogue.core.ethics import code_of_ethics

        return [{"year": e["year"], "title": e["title"], "count": len(e["principles"])}
                for e in code_of_ethics(store)]

    def entry(self, row: dict[str, Any]) -> Entry:
        return Entry(row["title"], f"Code of Ethics · {row['count']} principles (F8)",
                     partial(self.catalogue.action_ethics, int(row["year"])))


COMMAND_PROVIDERS: list[type[Provider]] = [CountryCommands, DisciplineCommands, ModuleCommands,
                                           ProgrammeCommands, RequestCommands, EthicsCommands]
