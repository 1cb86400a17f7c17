"""Log a request from the board, and link a request to a programme.

:class:`NewRequestDialog` asks for the requesting body and the scope (country with the same
completion as the programme dialog; disciplines, audience and deliverers as comma lists;
location; cohort; dates; notes) and calls the core's ``build_scope`` then ``create_request``
in a worker; the funder and partners the IPAB submission asks for are plain text.
:class:`LinkProgrammeDialog` asks for a programme number (empty unlinks) and
calls ``link_programme``, which keeps the request and the programme in step. A core error
(an unknown country, a bad date) is shown word for word in the dialog.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import HorizontalGroup, VerticalGroup, VerticalScroll
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Select

from catalogue.core.errors import InvalidInputError
from catalogue.tui.dialogs.form import FormDialog
from catalogue.tui.dialogs.new_programme import country_suggestions
from catalogue.tui.widgets.completing_input import CompletingInput

LOCATION_LABELS = {"uk": "In the UK", "in-country": "In the country", "remote": "Remotely"}


def _items(text: str) -> list[str]:
    return [item.strip() for item in text.split(",") if item.strip()]


def _whole_number(text: str, what: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    if not (text.isascii() and text.isdigit()):
        raise InvalidInputError(f"{what} must be a whole number, not {text!r}")
    return int(text)


def _day(text: str, what: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInputError(f"{what} must be a date as YYYY-MM-DD, not {text!r}") from None


def scope_fields(form: dict[str, str]) -> dict[str, Any]:
    """The form's scope fields (all but the country) as the core takes them: lists, a whole
    number, dates. A malformed number or date is an ``InvalidInputError``."""
    return {"disciplines": _items(form["disciplines"]), "location": form["location"] or "uk",
            "audience": _items(form["audience"]),
            "cohort": _whole_number(form["cohort"], "cohort"),
            "start": _day(form["start"], "start"), "end": _day(form["end"], "end"),
            "delivered_by": _items(form["delivered_by"]),
            "host": form.get("host", "").strip() or None}


def create_from_form(store: Any, form: dict[str, str], *, by: str) -> Any:
    """The request the form describes (``create_request`` with ``build_scope``'s Scope)."""
    from catalogue.core.requests.register import create_request
    from catalogue.core.rules.known_training import check_known_training
    from catalogue.core.rules.scope import build_scope

    fields = scope_fields(form)
    check_known_training(store, fields["disciplines"])
    scope = build_scope(store, form["country"], **fields)
    return create_request(store, form["body"], scope, by=by, notes=form["notes"] or None,
                          funder=form.get("funder"), partners=form.get("partners"))


def link_from_form(store: Any, request_id: int, text: str, *, by: str) -> Any:
    """Link the request to programme ``text`` (a number, ``#`` allowed); empty unlinks."""
    from catalogue.core.requests.register import link_programme

    digits = text.strip().lstrip("#")
    programme_id = _whole_number(digits, "the programme number") if digits else None
    return link_programme(store, request_id, programme_id, by=by)


class NewRequestDialog(FormDialog[Any]):
    """``push_screen(NewRequestDialog(countries, user), callback)``; returns the Request.

    The fields start from :meth:`value` (empty here; the edit dialog fills in the request)."""

    heading = "New request"
    save_label = "Log request"
    hint = "Ctrl+S logs it · Esc cancels"

    def __init__(self, countries: list[dict[str, Any]], user: str, *,
                 id: str = "new-request") -> None:
        super().__init__(id=id)
        self.countries = countries
        self.user = user

    def value(self, field: str) -> str:
        """The text a field starts with."""
        return ""

    def compose(self) -> ComposeResult:
        def field(label: str, id: str, **options: Any) -> ComposeResult:
            yield Label(label, classes="field-label")
            kind = CompletingInput if "suggester" in options else Input
            yield kind(value=self.value(id), id=id, **options)

        with VerticalGroup(classes="dialog form"):
            yield Label(Text(self.heading), classes="dialog-title")
            with VerticalScroll(classes="dialog-fields"):
                yield from field("Requesting body", "body",
                                 placeholder="e.g. Kenya Police Service", max_length=200)
                yield from field("Country (Tab or → completes)", "country",
                                 placeholder="name, alias or code",
                                 suggester=SuggestFromList(country_suggestions(self.countries),
                                                           case_sensitive=False))
                yield from field("Disciplines (comma-separated ids or titles)", "disciplines",
                                 placeholder="e.g. leadership, counter-terrorism")
                yield Label("Location", classes="field-label")
                yield Select([(label, key) for key, label in LOCATION_LABELS.items()],
                             value=self.value("location") or "uk", allow_blank=False,
                             id="location")
                yield from field("Audience (comma-separated levels or units)", "audience",
                                 placeholder="e.g. inspector, armed-units")
                yield from field("Cohort (people)", "cohort", placeholder="e.g. 20")
                yield Label("Start and end (YYYY-MM-DD)", classes="field-label")
                with HorizontalGroup():
                    yield Input(value=self.value("start"), placeholder="start", id="start")
                    yield Input(value=self.value("end"), placeholder="end", id="end")
                yield from field("Delivered by (staff, associates, serving-officers)",
                                 "delivered_by", placeholder="e.g. staff")
                yield from field("Host country (in-country work for the European Union only)",
                                 "host", placeholder="e.g. Belgium",
                                 suggester=SuggestFromList(country_suggestions(self.countries),
                                                           case_sensitive=False))
                yield from field("Funder (who pays; asked for by the IPAB submission)",
                                 "funder", placeholder="e.g. Kenya Police Service, CSSF",
                                 max_length=500)
                yield from field("Partners", "partners", placeholder="e.g. UNODC",
                                 max_length=500)
                yield from field("Notes", "notes")
                yield from self.more_fields()
            yield self.error_widget()
            with HorizontalGroup(classes="dialog-buttons"):
                yield Button(self.save_label, variant="primary", id="save")
                yield Button("Cancel", id="cancel")
            yield Label(Text(self.hint), classes="dialog-hint")

    def more_fields(self) -> ComposeResult:
        """Fields after the notes (none here)."""
        yield from ()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#body", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def form(self) -> dict[str, str]:
        values = {field.id: field.value for field in self.query(Input) if field.id}
        values["location"] = str(self.query_one("#location", Select).value)
        return values

    def action_save(self) -> None:
        self.submit(create_from_form, self.form(), by=self.user)


class LinkProgrammeDialog(FormDialog[Any]):
    """Link a request to a programme (empty: unlink); returns the updated Request."""

    def __init__(self, request: dict[str, Any], current: int | None, user: str) -> None:
        super().__init__(id="link-programme")
        self.request = request
        self.current = current
        self.user = user

    def compose(self) -> ComposeResult:
        with VerticalGroup(classes="dialog form"):
            yield Label(Text(f"Request {self.request['id']}: link a programme"),
                        classes="dialog-title")
            yield Label("Programme number (empty: no programme)", classes="field-label")
            yield Input(value="" if self.current is None else str(self.current),
                        placeholder="e.g. 42", id="programme")
            yield self.error_widget()
            with HorizontalGroup(classes="dialog-buttons"):
                yield Button("Link", variant="primary", id="save")
                yield Button("Cancel", id="cancel")
            yield Label(Text("Enter links · Esc cancels"), classes="dialog-hint")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#programme", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        self.submit(link_from_form, int(self.request["id"]),
                    self.query_one("#programme", Input).value, by=self.user)
