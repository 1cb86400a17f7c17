"""Write a request's IPAB submission draft (Word or Markdown) from the board, say where it
went and how many fields are still to complete, and offer to open it. The suggested file is
in the exports folder of the settings (``export_dir``), else the user's documents folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Label, Select

from catalogue.tui.dialogs.document import DocumentDialog, export_into

PACK_FORMATS = [("Word (.docx)", "docx"), ("Markdown (.md)", "md")]


def default_pack_path(directory: Path, request_id: int, fmt: str) -> Path:
    return directory / f"ipab-request-{request_id}.{fmt}"


def _check(path: Path, fmt: str) -> None:
    """A draft is Word or Markdown, and its name must not say the other format
    (``draft.md`` with Word)."""
    from catalogue.core.exports.suffixes import check_suffix
    from catalogue.core.requests.pack import pack_format

    check_suffix(path, fmt)
    pack_format(path)


def _save(store: Any, request_id: int, fmt: str, path: Path, *, force: bool) -> tuple[Path, int]:
    """``save_pack`` into ``path``: where it went and how many fields are missing."""
    from catalogue.core.requests.pack import save_pack

    written, pack = save_pack(store, request_id, path, force=force)
    return written, len(pack.checklist)


class PackDialog(DocumentDialog):
    """``push_screen(PackDialog(request_id, folder), callback)``: writes through the core's
    ``save_pack``; once written it shows the full path and what is still missing."""

    DONE_ID = "pack-done"

    def __init__(self, request_id: int, directory: Path) -> None:
        super().__init__(directory, id="pack")
        self.request_id = request_id

    def fields(self) -> ComposeResult:
        yield Label(Text(f"Request {self.request_id}: IPAB submission draft"),
                    classes="dialog-title")
        yield Label("Format", classes="field-label")
        yield Select(PACK_FORMATS, value="docx", allow_blank=False, id="format")
        yield Label("File", classes="field-label")
        yield Input(str(default_pack_path(self.directory, self.request_id, "docx")), id="path")

    @on(Select.Changed, "#format")
    def suggest_name(self) -> None:
        """Keep the suggested file name in step with the format."""
        path_input = self.query_one("#path", Input)
        current = Path(path_input.value)
        if current.name.startswith(f"ipab-request-{self.request_id}."):
            path_input.value = str(default_pack_path(
                current.parent, self.request_id, str(self.query_one("#format", Select).value)))

    def write(self, path: Path, force: bool) -> None:
        self.submit(export_into, self.directory, _save, self.request_id,
                    str(self.query_one("#format", Select).value), path, check=_check,
                    force=force)

    def written_note(self, result: object) -> tuple[Path, Text | None]:
        written, missing = result if isinstance(result, tuple) else (result, 0)
        if missing:
            note = Text(f"{missing} field{'s' if missing != 1 else ''} to complete, listed on "
                        "its first page", style="yellow")
        else:
            note = Text("Nothing is missing", style="green")
        return Path(str(written)), note
