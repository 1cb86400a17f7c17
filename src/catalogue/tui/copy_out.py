"""Copy out: put a plain text from the core on the clipboard and say so.

Through Textual's public :meth:`textual.app.App.copy_to_clipboard`, which sends the text to
the terminal as an OSC 52 sequence: it reaches the clipboard of the computer the terminal
runs on, over SSH too, when the terminal allows it (most do; tmux needs
``set -g set-clipboard on``). The app keeps it as well (``App.clipboard``), for pasting
inside the app.
"""

from __future__ import annotations

from textual.app import App

from catalogue.core.counting import plural


def copy_out(app: App[object], text: str, what: str) -> None:
    """Copy ``text`` (plain, from the core) and notify "Copied <what> (N lines)"."""
    app.copy_to_clipboard(text)
    lines = len(text.splitlines())
    app.notify(f"Copied {what} to the clipboard ({plural(lines, 'line')} of plain text)",
               markup=False, timeout=4)
