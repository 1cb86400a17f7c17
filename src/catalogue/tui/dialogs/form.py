"""A modal form whose "save" runs a core function in a worker and stays open on refusal.

Subclasses compose their fields and call :meth:`FormDialog.submit` with the core function
and arguments. Success dismisses the dialog with the function's result; a
``CatalogueError`` (a guard's ``RefusedError`` included) is shown verbatim inside the
dialog, so the user can correct the input and try again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast

from rich.text import Text
from textual import on, work
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from catalogue.core.errors import CatalogueError, RefusedError
from catalogue.tui.field_words import app_message
from catalogue.tui.shown import shown_text
from catalogue.tui.workers import Loaded, WorkerResults, deliver, report_failure

if TYPE_CHECKING:
    from catalogue.tui.app import CatalogueApp

T = TypeVar("T")


class Submitted(Loaded[Any]):
    """What the core function a form submitted returned."""


class FormDialog(WorkerResults, ModalScreen[T]):
    """Base for dialogs that save through the core; Ctrl+S or the Save button submits."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel",
                tooltip="Close the dialog without changing anything"),
        Binding("ctrl+s", "save", "Save", id="dialog.save", priority=True,
                tooltip="Save: the same as the dialog's main button"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="dialog-screen")

    @property
    def catalogue(self) -> CatalogueApp:
        return cast("CatalogueApp", self.app)

    def error_widget(self) -> Static:
        return Static("", classes="dialog-error", id="dialog-error")

    def show_error(self, message: str, *, refused: bool = False) -> None:
        error = self.query_one("#dialog-error", Static)
        text = Text("Refused: " if refused else "", style="bold")
        text.append(message)
        error.update(shown_text(text))
        error.display = True

    def clear_error(self) -> None:
        error = self.query_one("#dialog-error", Static)
        error.update("")
        error.display = False

    def on_mount(self) -> None:
        self.clear_error()

    def submit(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        """Run ``fn(store, *args, **kwargs)`` in a worker; dismiss with its result."""
        self.clear_error()
        self.run_submit(fn, args, kwargs)

    @work(thread=True, exclusive=True, exit_on_error=False, group="submit")
    def run_submit(self, fn: Callable[..., Any], args: tuple[Any, ...],
                   kwargs: dict[str, Any]) -> None:
        deliver(self, Submitted(self.catalogue.backend.call(fn, *args, **kwargs)))

    @on(Submitted)
    def show_submit(self, message: Submitted) -> None:
        self.saved(message.result)

    def saved(self, result: Any) -> None:
        """What to do with the core's answer; by default, close and return it."""
        self.dismiss(result)

    def worker_failed(self, group: str, error: BaseException | None) -> None:
        if group == "submit" and isinstance(error, CatalogueError):
            self.show_error(app_message(error), refused=isinstance(error, RefusedError))
        else:
            report_failure(self.app, error)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            event.stop()
            self.action_save()
        elif event.button.id == "cancel":
            event.stop()
            self.action_cancel()

    def action_save(self) -> None:
        raise NotImplementedError

    def action_cancel(self) -> None:
        self.dismiss(None)
