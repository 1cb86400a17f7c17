"""Write a request's OSJA assessment as a marked document (Word or Markdown), say where it
went and offer to open it. The file goes to the exports folder unless the user types another."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import HorizontalGroup, VerticalGroup
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from catalogue.tui.dialogs.export import export_into
from catalogue.tui.dialogs.form import FormDialog

FORMATS = [("Word (.docx)", "docx"), ("Markdown (.md)", "md")]


def osja_path(directory: Path, request_id: int, fmt: str) -> Path:
    return directory / f"osja-request-{request_id}.{fmt}"


def _save(store: Any, request_id: int, fmt: str, path: Path, *, force: bool,
          author: str | None) -> Any:
    from catalogue.core.exports.osja_document import save_osja

    return save_osja(store, request_id, fmt, path, force=force, author=author)


class OsjaExportDialog(FormDialog[Path | None]):
    """Writes through ``save_osja`` (atomic, never overwrites unless asked)."""

    def __init__(self, request_id: int, directory: Path, author: str | None) -> None:
        super().__init__(id="osja-export")
        self.request_id = request_id
        self.directory = directory
        self.author = author
        self.written: Path | None = None

    def compose(self) -> ComposeResult:
        with VerticalGroup(classes="dialog form"):
            yield Label(Text(f"OSJA assessment of request {self.request_id} as a document"),
                        classes="dialog-title")
            yield Label(Text("Every version and the version history, marked."),
                        classes="field-label")
            yield Label("Format", classes="field-label")
            yield Select(FORMATS, value="docx", allow_blank=False, id="format")
            yield Label("File", classes="field-label")
            yield Input(str(osja_path(self.directory, self.request_id, "docx")), id="path")
            yield Checkbox("Overwrite the file if it exists", id="force")
            yield self.error_widget()
            yield Static("", id="export-done")
            with HorizontalGroup(classes="dialog-buttons"):
                yield Button("Write", variant="primary", id="save")
                yield Button("Open the file", id="open-file")
                yield Button("Cancel", id="cancel")
            yield Label(Text("Ctrl+S writes · Esc closes"), classes="dialog-hint")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#export-done", Static).display = False
        self.query_one("#open-file", Button).display = False
        self.query_one("#format", Select).focus()

    @on(Select.Changed, "#format")
    def suggest_name(self) -> None:
        path_input = self.query_one("#path", Input)
        current = Path(path_input.value)
        if current.name.startswith(f"osja-request-{self.request_id}"):
            fmt = str(self.query_one("#format", Select).value)
            path_input.value = str(osja_path(current.parent, self.request_id, fmt))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        if self.written is not None:
            self.dismiss(self.written)
            return
        path = Path(self.query_one("#path", Input).value.strip()).expanduser()
        self.submit(export_into, self.directory, _save, self.request_id,
                    str(self.query_one("#format", Select).value), path,
                    force=self.query_one("#force", Checkbox).value, author=self.author)

    def saved(self, result: object) -> None:
        self.written = Path(str(result)).resolve()
        done = self.query_one("#export-done", Static)
        text = Text("Written to\n", style="bold green")
        text.append(str(self.written))
        done.update(text)
        done.display = True
        self.query_one("#save", Button).label = "Close"
        self.query_one("#cancel", Button).display = False
        open_file = self.query_one("#open-file", Button)
        open_file.display = True
        open_file.focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "open-file":
            event.stop()
            if self.written is not None:
                self.app.open_url(self.written.as_uri())
        else:
            super().on_button_pressed(event)

    def action_cancel(self) -> None:
        self.dismiss(self.written)
