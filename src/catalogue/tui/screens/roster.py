"""Trainer roster: a searchable, paged list of trainers beside the selected trainer's
subjects and accreditation, unavailable dates and deliveries with their warnings."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Static

from catalogue.core.counting import plural
from catalogue.core.trainers.views import TrainerDetail
from catalogue.tui.screens.split import SplitScreen
from catalogue.tui.shown import shown_text
from catalogue.tui.widgets.key_footer import KeyFooter
from catalogue.tui.widgets.navbar import NavBar
from catalogue.tui.widgets.paged_table import PagedTable
from catalogue.tui.widgets.trainer_views import TRAINER_COLUMNS, trainer_text
from catalogue.tui.workers import Loaded, deliver

NEEDS_TRAINER = {"accredit", "unavailable", "assign"}


class TrainersLoaded(Loaded[tuple[list[dict[str, Any]], int, int]]):
    """A page of trainers: (rows, total, offset)."""


class TrainerLoaded(Loaded[TrainerDetail]):
    """One trainer in full."""


class RosterScreen(SplitScreen):
    SPLIT_NAME = "roster"
    SPLIT_PANE = "#roster-list"
    AUTO_FOCUS = "#trainers"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new_trainer", "New", id="roster.new",
                tooltip="Add a trainer (name, kind, force, languages, disciplines)"),
        Binding("a", "accredit", "Accredit", id="roster.accredit",
                tooltip="Record the trainer's accreditation for a discipline or module"),
        Binding("u", "unavailable", "Unavailable", id="roster.unavailable",
                tooltip="Record dates the trainer cannot deliver"),
        Binding("s", "assign", "Assign", id="roster.assign",
                tooltip="Assign the trainer to a programme's delivery (shows the warnings)"),
        Binding("slash", "search", "Search", id="roster.search",
                tooltip="Search the roster by name, force, language or subject"),
        Binding("f5,ctrl+r", "refresh", "Refresh", id="roster.refresh", show=False,
                tooltip="Reload the roster and the trainer"),
    ]

    def __init__(self) -> None:
        super().__init__(id="roster")
        self.detail: TrainerDetail | None = None
        self.search = ""
        self._focus_trainer: int | None = None
        self._ready = False

    def compose(self) -> ComposeResult:
        yield NavBar("roster")
        with Horizontal(id="roster-body"):
            with Vertical(id="roster-list", classes="pane"):
                yield Input(placeholder="/ search the roster", id="roster-search")
                table = PagedTable(TRAINER_COLUMNS, id_key="id", id="trainers",
                                   page_size=self.config.page_size)
                yield table
            with VerticalScroll(id="trainer-detail", classes="pane") as detail:
                detail.border_title = "Trainer"
                yield Static(Text("Select a trainer, or press n to add one.", style="dim"),
                             id="trainer-body")
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        self.query_one("#roster-list").border_title = "Roster"
        self.load_trainers(self.search, 0)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in NEEDS_TRAINER:
            return True if self.detail is not None else None
        return True

    # ------------------------------------------------------------ loading

    @work(thread=True, exclusive=True, exit_on_error=False, group="trainers")
    def load_trainers(self, search: str, offset: int) -> None:
        from catalogue.core.trainers.roster import trainer_page

        rows, total = self.backend.call(trainer_page, search=search or None,
                                        limit=self.config.page_size, offset=offset)
        deliver(self, TrainersLoaded((rows, total, offset)))

    @on(TrainersLoaded)
    def show_trainers(self, message: TrainersLoaded) -> None:
        rows, total, offset = message.result
        table = self.query_one("#trainers", PagedTable)
        keep = str(self._focus_trainer) if self._focus_trainer is not None else None
        self._focus_trainer = None
        table.show_page(rows, total=total, offset=offset, keep=keep)
        pane = self.query_one("#roster-list")
        pane.border_subtitle = table.page_summary()
        if not rows:
            empty = ("No trainer matches the search." if self.search
                     else "The roster is empty: press n to add a trainer.")
            self._show_detail(None, Text(empty, style="dim"))
        if not self._ready:
            self._ready = True
            self.catalogue.screen_ready(self)

    @work(thread=True, exclusive=True, exit_on_error=False, group="detail")
    def load_detail(self, trainer_id: int) -> None:
        from catalogue.core.trainers.views import trainer_detail

        deliver(self, TrainerLoaded(self.backend.call(trainer_detail, trainer_id)))

    @on(TrainerLoaded)
    def show_detail(self, message: TrainerLoaded) -> None:
        self._show_detail(message.result, trainer_text(message.result))

    def _show_detail(self, detail: TrainerDetail | None, text: Text) -> None:
        had = self.detail is not None
        self.detail = detail
        self.query_one("#trainer-body", Static).update(shown_text(text))
        pane = self.query_one("#trainer-detail", VerticalScroll)
        pane.border_title = f"Trainer {detail.trainer.id}" if detail else "Trainer"
        pane.scroll_home(animate=False)
        if had != (detail is not None):
            self.refresh_bindings()

    # ------------------------------------------------------------ events

    @on(Input.Changed, "#roster-search")
    def search_changed(self, event: Input.Changed) -> None:
        self.search = event.value
        self.load_trainers(self.search, 0)

    @on(Input.Submitted, "#roster-search")
    def search_submitted(self) -> None:
        self.query_one("#trainers", PagedTable).focus()

    @on(PagedTable.PageRequested, "#trainers")
    def page_requested(self, event: PagedTable.PageRequested) -> None:
        self.load_trainers(self.search, event.offset)

    @on(PagedTable.RowHighlighted, "#trainers")
    def trainer_highlighted(self, event: PagedTable.RowHighlighted) -> None:
        if event.row_id:
            self.load_detail(int(event.row_id))

    @on(PagedTable.RowSelected, "#trainers")
    def trainer_selected(self) -> None:
        self.query_one("#trainer-detail", VerticalScroll).focus()

    # ------------------------------------------------------------ actions

    def user(self) -> str:
        from catalogue.tui.config import current_user

        return self.config.user or current_user()

    def action_search(self) -> None:
        self.query_one("#roster-search", Input).focus()

    def action_refresh(self) -> None:
        current = self.detail.trainer.id if self.detail else None
        self._focus_trainer = current
        self.load_trainers(self.search, self.query_one("#trainers", PagedTable).row_offset)
        if current is not None:
            self.load_detail(current)

    def action_new_trainer(self) -> None:
        from catalogue.tui.dialogs.trainer_forms import NewTrainerDialog

        self.app.push_screen(NewTrainerDialog(self.user()), self._added)

    def _added(self, trainer_id: Any) -> None:
        if trainer_id is None:
            return
        self.notify(f"Trainer {trainer_id} added", markup=False)
        self._focus_trainer = int(trainer_id)
        self.load_trainers(self.search, self.query_one("#trainers", PagedTable).row_offset)
        self.load_detail(int(trainer_id))

    def _dialog(self, kind: str) -> None:
        from catalogue.tui.dialogs import trainer_forms

        if self.detail is None:
            return
        person = self.detail.trainer
        dialog = {"accredit": trainer_forms.AccreditDialog,
                  "unavailable": trainer_forms.UnavailableDialog,
                  "assign": trainer_forms.AssignDialog}[kind]
        self.app.push_screen(dialog(self.user(), person.id, person.name), self._changed)

    def action_accredit(self) -> None:
        self._dialog("accredit")

    def action_unavailable(self) -> None:
        self._dialog("unavailable")

    def action_assign(self) -> None:
        self._dialog("assign")

    def _changed(self, result: Any) -> None:
        from catalogue.core.trainers.assignments import TeamMember

        if result is None or self.detail is None:
            return
        if isinstance(result, TeamMember):
            count = len(result.warnings)
            self.notify(f"Assigned; {plural(count, 'warning')}: see the trainer's deliveries"
                        if count else "Assigned; no warnings", markup=False,
                        severity="warning" if count else "information")
        else:
            self.notify("Saved", markup=False)
        self.action_refresh()
