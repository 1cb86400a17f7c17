"""Write a request's IPAB submission draft (Word or Markdown) from the board, say where it
went and how many fields are still to complete, and offer to open it. The suggested file is
in the exports folder of the settings (``export_dir``), else the user's documents folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import HorizontalGroup, VerticalGroup
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from catalogue.tui.dialogs.form import FormDialog

PACK_FORMATS = [("Word (.docx)", "docx"), ("Markdown (.md)", "md")]


def default_pack_path(directory: Path, request_id: int, fmt: str) -> Path:
    return directory / f"ipab-request-{request_id}.{fmt}"


def write_pack(store: Any, folder: Path, request_id: int, path: Path, *, fmt: str,
               force: bool) -> tuple[Path, int]:
    """``save_pack`` into ``path``; the exports folder is created (0700) when it is the
    target's folder and missing. A name that says another format than the one chosen
    (``draft.md`` with Word) is refused. Returns where it went and how many fields are
    missing."""
    from catalogue.core.exports.suffixes import check_suffix
    from catalogue.core.requests.pack import pack_format, save_pack

    check_suffix(path, fmt)
    pack_format(path)
    if path.parent == folder and not folder.exists():
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    written, pack = save_pack(store, request_id, path, force=force)
    return written, len(pack.checklist)


class PackDialog(FormDialog[Path | None]):
    """``push_screen(PackDialog(request_id, folder), callback)``: writes through the core's
    ``save_pack`` in a worker (atomic, never overwriting unless asked); once written it shows
    the full path until closed, and returns it."""

    def __init__(self, request_id: int, directory: Path) -> None:
        super().__init__(id="pack")
        self.request_id = request_id
        self.directory = directory
        self.written: Path | None = None

    def compose(self) -> ComposeResult:
        with VerticalGroup(classes="dialog form"):
            yield Label(Text(f"Request {self.request_id}: IPAB submission draft"),
                        classes="dialog-title")
            yield Label("Format", classes="field-label")
            yield Select(PACK_FORMATS, value="docx", allow_blank=False, id="format")
            yield Label("File", classes="field-label")
            yield Input(str(default_pack_path(self.directory, self.request_id, "docx")),
                        id="path")
            yield Checkbox("Overwrite the file if it exists", id="force")
            yield self.error_widget()
            yield Static("", id="pack-done")
            with HorizontalGroup(classes="dialog-buttons"):
                yield Button("Write", variant="primary", id="save")
                yield Button("Open the file", id="open-file")
                yield Button("Cancel", id="cancel")
            yield Label(Text("Ctrl+S writes · Esc closes"), classes="dialog-hint")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#pack-done", Static).display = False
        self.query_one("#open-file", Button).display = False
        self.query_one("#format", Select).focus()

    @on(Select.Changed, "#format")
    def suggest_name(self) -> None:
        """Keep the suggested file name in step with the format."""
        path_input = self.query_one("#path", Input)
        current = Path(path_input.value)
        if current.name.startswith(f"ipab-request-{self.request_id}."):
            path_input.value = str(default_pack_path(
                current.parent, self.request_id, str(self.query_one("#format", Select).value)))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        if self.written is not None:
            self.dismiss(self.written)
            return
        path = Path(self.query_one("#path", Input).value.strip()).expanduser()
        self.submit(write_pack, self.directory, self.request_id, path,
                    fmt=str(self.query_one("#format", Select).value),
                    force=self.query_one("#force", Checkbox).value)

    def saved(self, result: object) -> None:
        written, missing = result if isinstance(result, tuple) else (result, 0)
        self.written = Path(str(written)).resolve()
        done = self.query_one("#pack-done", Static)
        text = Text("Written to\n", style="bold green")
        text.append(str(self.written))
        text.append(f"\n{missing} field{'s' if missing != 1 else ''} to complete, listed on "
                    "its first page" if missing else "\nNothing is missing",
                    style="yellow" if missing else "green")
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
