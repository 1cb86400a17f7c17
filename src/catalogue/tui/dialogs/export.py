"""Export a programme (md, json, csv, docx; optionally redacted; or IATI 2.03 XML, always the
public version, of this programme or of every delivered one), say where it went, offer to
open it. The suggested file is in the exports folder of the settings (``export_dir``), else
the user's documents folder, never wherever the app happened to be started."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import HorizontalGroup, VerticalGroup
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from catalogue.tui.dialogs.form import FormDialog

IATI = "iati"
FORMAT_LABELS = [("Markdown (.md)", "md"), ("JSON (.json)", "json"), ("CSV (.csv)", "csv"),
                 ("Word (.docx)", "docx"), ("IATI 2.03 activity XML (.xml)", IATI)]


def default_export_path(directory: Path, programme_id: int, fmt: str, redact: bool,
                        delivered: bool = False) -> Path:
    if fmt == IATI:
        name = "delivered-programmes-iati" if delivered else f"programme-{programme_id}-iati"
        return directory / f"{name}.xml"
    suffix = "-public" if redact else ""
    return directory / f"programme-{programme_id}{suffix}.{fmt}"


def _save_iati(store: Any, programme_id: int, fmt: str, path: Path, *, redact: bool,
               force: bool, delivered: bool) -> Any:
    """The IATI export in the shape of ``save_export`` (IATI is always the public version)."""
    from catalogue.core.iati.export import save_iati

    return save_iati(store, path, None if delivered else programme_id, delivered=delivered,
                     force=force)


def export_into(store: Any, folder: Path, save: Any, programme_id: int, fmt: str, path: Path,
                 **options: Any) -> Any:
    """``save(store, ...)``; a file for the exports folder creates it first (0700) if missing
    (a documents folder not made yet); any other missing folder is the core's error."""
    if path.parent == folder and not folder.exists():
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return save(store, programme_id, fmt, path, **options)


class ExportDialog(FormDialog[Path | None]):
    """Writes through ``save_export`` (atomic, never overwrites unless asked); once written,
    the dialog shows the full path until closed, and returns it."""

    def __init__(self, programme_id: int, directory: Path) -> None:
        super().__init__(id="export")
        self.programme_id = programme_id
        self.directory = directory
        self.written: Path | None = None

    def compose(self) -> ComposeResult:
        with VerticalGroup(classes="dialog form"):
            yield Label(Text(f"Export programme {self.programme_id}"), classes="dialog-title")
            yield Label("Format", classes="field-label")
            yield Select(FORMAT_LABELS, value="md", allow_blank=False, id="format")
            yield Checkbox("Public version (confidential details withheld)", id="redact")
            yield Checkbox("Every delivered programme, in one file", id="delivered")
            yield Label("File", classes="field-label")
            yield Input(str(default_export_path(self.directory, self.programme_id, "md", False)),
                        id="path")
            yield Checkbox("Overwrite the file if it exists", id="force")
            yield self.error_widget()
            yield Static("", id="export-done")
            with HorizontalGroup(classes="dialog-buttons"):
                yield Button("Export", variant="primary", id="save")
                yield Button("Open the file", id="open-file")
                yield Button("Cancel", id="cancel")
            yield Label(Text("Ctrl+S exports · Esc closes"), classes="dialog-hint")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#export-done", Static).display = False
        self.query_one("#open-file", Button).display = False
        self.query_one("#delivered", Checkbox).display = False
        self.query_one("#format", Select).focus()

    @on(Select.Changed, "#format")
    @on(Checkbox.Changed, "#redact")
    @on(Checkbox.Changed, "#delivered")
    def suggest_name(self) -> None:
        """Keep the suggested file name in step with the format and redaction; IATI is always
        the public version, and may hold every delivered programme."""
        path_input = self.query_one("#path", Input)
        current = Path(path_input.value)
        fmt = str(self.query_one("#format", Select).value)
        redact_box = self.query_one("#redact", Checkbox)
        delivered_box = self.query_one("#delivered", Checkbox)
        iati = fmt == IATI
        if iati and not redact_box.value:
            redact_box.value = True  # posts Changed again: this runs once more
        redact_box.disabled = iati
        delivered_box.display = iati
        delivered = iati and delivered_box.value
        if current.name.startswith((f"programme-{self.programme_id}", "delivered-programmes")):
            path_input.value = str(default_export_path(current.parent, self.programme_id, fmt,
                                                       redact_box.value, delivered))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        from catalogue.core.exports.render import save_export

        if self.written is not None:
            self.dismiss(self.written)
            return
        path = Path(self.query_one("#path", Input).value.strip()).expanduser()
        fmt = str(self.query_one("#format", Select).value)
        options = {"redact": self.query_one("#redact", Checkbox).value,
                   "force": self.query_one("#force", Checkbox).value}
        if fmt == IATI:
            options["delivered"] = self.query_one("#delivered", Checkbox).value
        self.submit(export_into, self.directory, _save_iati if fmt == IATI else save_export,
                    self.programme_id, fmt, path, **options)

    def saved(self, result: object) -> None:
        from catalogue.core.iati.export import IatiExport

        summary = None
        if isinstance(result, IatiExport):
            summary = iati_summary(result)
            result = result.path
        self.written = Path(str(result)).resolve()
        done = self.query_one("#export-done", Static)
        text = Text("Written to\n", style="bold green")
        text.append(str(self.written))
        if summary:
            text.append("\n" + summary, style="")
        done.update(text)
        done.display = True
        save = self.query_one("#save", Button)
        save.label = "Close"
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


def iati_summary(result: Any) -> str:
    """What went into an IATI file, in a few lines (user text shown literally by the caller)."""
    from catalogue.core.counting import plural

    lines = [f"{plural(len(result.activities), 'activity', 'activities')}, the public version"]
    for item in result.activities[:5]:
        lines.append(f"{item.identifier}: {item.status_name}")
    if len(result.activities) > 5:
        lines.append(f"... and {len(result.activities) - 5} more")
    for skipped in result.skipped:
        lines.append(f"Skipped programme {skipped.programme_id}: {skipped.reason}")
    lines.append(result.dates)
    return "\n".join(lines)
