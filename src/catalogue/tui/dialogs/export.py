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
from textual.widgets import Checkbox, Input, Label, Select

from catalogue.tui.dialogs.document import DocumentDialog, export_into

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


class ExportDialog(DocumentDialog):
    """Writes through ``save_export`` (or the IATI export); once written, the dialog shows
    the full path until closed, and returns it."""

    SAVE_LABEL = "Export"
    HINT = "Ctrl+S exports · Esc closes"

    def __init__(self, programme_id: int, directory: Path) -> None:
        super().__init__(directory, id="export")
        self.programme_id = programme_id

    def fields(self) -> ComposeResult:
        yield Label(Text(f"Export programme {self.programme_id}"), classes="dialog-title")
        yield Label("Format", classes="field-label")
        yield Select(FORMAT_LABELS, value="md", allow_blank=False, id="format")
        yield Checkbox("Public version (confidential details withheld)", id="redact")
        yield Checkbox("Every delivered programme, in one file", id="delivered")
        yield Label("File", classes="field-label")
        yield Input(str(default_export_path(self.directory, self.programme_id, "md", False)),
                    id="path")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#delivered", Checkbox).display = False

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

    def write(self, path: Path, force: bool) -> None:
        from catalogue.core.exports.render import save_export

        fmt = str(self.query_one("#format", Select).value)
        options = {"redact": self.query_one("#redact", Checkbox).value, "force": force}
        if fmt == IATI:
            options["delivered"] = self.query_one("#delivered", Checkbox).value
        self.submit(export_into, self.directory, _save_iati if fmt == IATI else save_export,
                    self.programme_id, fmt, path, **options)

    def written_note(self, result: object) -> tuple[Path, Text | None]:
        from catalogue.core.iati.export import IatiExport

        if isinstance(result, IatiExport):
            return Path(str(result.path)), Text(iati_summary(result))
        return Path(str(result)), None


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
