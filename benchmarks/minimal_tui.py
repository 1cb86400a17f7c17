"""The TUI start-up baseline: a minimal Textual app with one DataTable of a few rows.

It quits once its table is filled and that frame has been drawn, the same moment
``benchmarks/start_app.py`` quits the app at (first complete screen).
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import DataTable


class Minimal(App[None]):
    def compose(self) -> ComposeResult:
        yield DataTable()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Name", "Code", "Region")
        for n in range(30):
            table.add_row(f"Country {n}", f"C{n:02d}", "Region")
        self.call_after_refresh(self.exit)


if __name__ == "__main__":
    Minimal().run()
