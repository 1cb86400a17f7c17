"""F8 (or "Code of Ethics" in the command palette): the Code of Ethics, every edition or one.

The editions come from the core's :func:`catalogue.core.ethics.code_of_ethics` in a thread
worker; the text is built from plain values (never parsed as markup).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from catalogue.core.ethics import Edition
from catalogue.tui.workers import Loaded, WorkerResults, deliver

if TYPE_CHECKING:
    from catalogue.tui.app import CatalogueApp


def ethics_text(editions: list[Edition]) -> Text:
    """The editions as styled text: title, summary, source, principles, standards."""
    text = Text()
    for number, edition in enumerate(editions):
        if number:
            text.append("\n")
        text.append(edition["title"], style="bold")
        if edition["current"]:
            text.append("  current edition", style="green")
        text.append("\n")
        text.append(edition["summary"] + "\n")
        text.append(f"Source: {edition['source']}\n", style="dim italic")
        for heading, items in (("Principles", edition["principles"]),
                               ("Standards of Professional Behaviour", edition["standards"])):
            if not items:
                continue
            text.append(f"\n{heading} ({len(items)})\n", style="bold underline")
            for item in items:
                text.append("• ")
                text.append(item["name"], style="bold")
                text.append(f": {item['summary']}\n" if item["summary"] else "\n")
    return text


class EthicsLoaded(Loaded[list[Edition]]):
    """Both editions of the Code of Ethics."""


class EthicsScreen(WorkerResults, ModalScreen[None]):
    """Every edition of the Code of Ethics, newest first, or one (``edition``); ``e`` steps
    through all editions, then each one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,f8", "close", "Close", id="ethics.close",
                tooltip="Close the Code of Ethics"),
        Binding("e", "next_edition", "Edition", id="ethics.next-edition",
                tooltip="Show the next edition of the Code of Ethics (then all of them)"),
    ]

    def __init__(self, edition: int | None = None) -> None:
        super().__init__(id="ethics")
        self.edition = edition
        self.years: list[int] = []
        self._editions: list[Edition] = []

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="ethics-body") as body:
            body.border_title = "Code of Ethics"
            yield Static("Loading the Code of Ethics…", id="ethics-text")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#ethics-body", VerticalScroll).focus()
        self.load_ethics()

    @work(thread=True, exclusive=True, exit_on_error=False, group="ethics")
    def load_ethics(self) -> None:
        from catalogue.core.ethics import code_of_ethics

        deliver(self, EthicsLoaded(cast("CatalogueApp", self.app).backend.call(code_of_ethics)))

    @on(EthicsLoaded)
    def ethics_loaded(self, message: EthicsLoaded) -> None:
        self.show_ethics(message.result)

    def show_ethics(self, editions: list[Edition]) -> None:
        self.years = [e["year"] for e in editions]
        shown = [e for e in editions if self.edition in (None, e["year"])]
        body = self.query_one("#ethics-body", VerticalScroll)
        which = "every edition" if self.edition is None else f"{self.edition} edition"
        body.border_title = f"Code of Ethics · {which}"
        body.border_subtitle = "e: next edition · Esc: close"
        self.query_one("#ethics-text", Static).update(ethics_text(shown))
        body.scroll_home(animate=False)
        self._editions = editions

    def action_next_edition(self) -> None:
        if not self.years:
            return
        cycle: list[int | None] = [None, *self.years]
        self.edition = cycle[(cycle.index(self.edition) + 1) % len(cycle)]
        self.show_ethics(self._editions)

    def action_close(self) -> None:
        self.dismiss(None)
