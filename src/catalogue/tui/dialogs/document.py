"""What every "write a document" dialog shares (a programme's export, a request's IPAB
draft, its OSJA assessment): a format and a file, "Overwrite the file if it exists", the
writing done by a core function in a worker (atomic, never overwriting unless asked), then
"Written to ..." with the full path until closed, and a button that opens the file.

A subclass composes its own fields (:meth:`DocumentDialog.fields`: at least ``#format`` and
``#path``), says how to write (:meth:`DocumentDialog.write`, which calls ``submit``) and what
to add under the path once written (:meth:`DocumentDialog.written_note`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import HorizontalGroup, VerticalGroup
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from catalogue.tui.dialogs.form import FormDialog


def export_into(store: Any, folder: Path, save: Any, subject_id: int, fmt: str, path: Path,
                *, check: Callable[[Path, str], None] | None = None, **options: Any) -> Any:
    """``save(store, subject_id, fmt, path, **options)``. The file's name is checked first
    (``check``, else a suffix that names another format is refused), so a refused name makes
    nothing; then a file for the exports folder creates it (0700) if missing (a documents
    folder not made yet); any other missing folder is the core's error."""
    from catalogue.core.exports.suffixes import check_suffix

    (check or check_suffix)(path, fmt)
    if path.parent == folder and not folder.exists():
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return save(store, subject_id, fmt, path, **options)


class DocumentDialog(FormDialog[Path | None]):
    """Returns the file written (or None when closed before writing)."""

    #: The id of the "Written to ..." line, the label of the write button and the hint.
    DONE_ID: ClassVar[str] = "export-done"
    SAVE_LABEL: ClassVar[str] = "Write"
    HINT: ClassVar[str] = "Ctrl+S writes · Esc closes"

    def __init__(self, directory: Path, *, id: str) -> None:
        super().__init__(id=id)
        self.directory = directory
        self.written: Path | None = None

    def fields(self) -> ComposeResult:
        """The dialog's title and own fields, above the shared ones."""
        raise NotImplementedError

    def write(self, path: Path, force: bool) -> None:
        """Start writing ``path`` (``self.submit(...)`` with the core function)."""
        raise NotImplementedError

    def written_note(self, result: object) -> tuple[Path, Text | None]:
        """The file a write returned, and what to show under its path (None: nothing)."""
        return Path(str(result)), None

    def compose(self) -> ComposeResult:
        with VerticalGroup(classes="dialog form"):
            yield from self.fields()
            yield Checkbox("Overwrite the file if it exists", id="force")
            yield self.error_widget()
            yield Static("", id=self.DONE_ID)
            with HorizontalGroup(classes="dialog-buttons"):
                yield Button(self.SAVE_LABEL, variant="primary", id="save")
                yield Button("Open the file", id="open-file")
                yield Button("Cancel", id="cancel")
            yield Label(Text(self.HINT), classes="dialog-hint")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(f"#{self.DONE_ID}", Static).display = False
        self.query_one("#open-file", Button).display = False
        self.query_one("#format", Select).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        if self.written is not None:
            self.dismiss(self.written)
            return
        path = Path(self.query_one("#path", Input).value.strip()).expanduser()
        self.write(path, self.query_one("#force", Checkbox).value)

    def saved(self, result: object) -> None:
        path, note = self.written_note(result)
        self.written = path.resolve()
        text = Text("Written to\n", style="bold green")
        text.append(str(self.written))
        if note is not None:
            text.append("\n")
            text.append_text(note)
        done = self.query_one(f"#{self.DONE_ID}", Static)
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
                # The system's own viewer for the file type (a browser for .md on some).
                self.app.open_url(self.written.as_uri())
        else:
            super().on_button_pressed(event)

    def action_cancel(self) -> None:
        self.dismiss(self.written)
