"""Write a request's OSJA assessment as a marked document (Word or Markdown), say where it
went and offer to open it. The file goes to the exports folder unless the user types another."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Label, Select

from catalogue.tui.dialogs.document import DocumentDialog, export_into

FORMATS = [("Word (.docx)", "docx"), ("Markdown (.md)", "md")]


def osja_path(directory: Path, request_id: int, fmt: str) -> Path:
    return directory / f"osja-request-{request_id}.{fmt}"


def _save(store: Any, request_id: int, fmt: str, path: Path, *, force: bool,
          author: str | None) -> Any:
    from catalogue.core.exports.osja_document import save_osja

    return save_osja(store, request_id, fmt, path, force=force, author=author)


class OsjaExportDialog(DocumentDialog):
    """Writes through ``save_osja`` (atomic, never overwrites unless asked)."""

    def __init__(self, request_id: int, directory: Path, author: str | None) -> None:
        super().__init__(directory, id="osja-export")
        self.request_id = request_id
        self.author = author

    def fields(self) -> ComposeResult:
        yield Label(Text(f"OSJA assessment of request {self.request_id} as a document"),
                    classes="dialog-title")
        yield Label(Text("Every version and the version history, marked."),
                    classes="field-label")
        yield Label("Format", classes="field-label")
        yield Select(FORMATS, value="docx", allow_blank=False, id="format")
        yield Label("File", classes="field-label")
        yield Input(str(osja_path(self.directory, self.request_id, "docx")), id="path")

    @on(Select.Changed, "#format")
    def suggest_name(self) -> None:
        path_input = self.query_one("#path", Input)
        current = Path(path_input.value)
        if current.name.startswith(f"osja-request-{self.request_id}"):
            fmt = str(self.query_one("#format", Select).value)
            path_input.value = str(osja_path(current.parent, self.request_id, fmt))

    def write(self, path: Path, force: bool) -> None:
        self.submit(export_into, self.directory, _save, self.request_id,
                    str(self.query_one("#format", Select).value), path,
                    force=force, author=self.author)
