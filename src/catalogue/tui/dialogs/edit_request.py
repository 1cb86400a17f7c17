"""Edit a request from the board: the new-request form, filled in, saved by the core.

The form starts from the request as stored. On save, the fields go to the core's
``edit_as_typed`` (the same function ``catalogue request edit`` calls with its options), which
resolves the country, disciplines, audience and deliverers, changes only what differs, and,
when the scope changes after approvals, sends the request back and undoes the approvals the
change affects (policy ``[reset]``), recording both. The dialog returns the core's
``EditResult``; a refusal (a finished request, an unknown country, a bad date) is shown word
for word and nothing is saved.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.widgets import Input, Label

from catalogue.tui.dialogs.new_request import NewRequestDialog, scope_fields


def edit_from_form(store: Any, request_id: int, form: dict[str, str], *, by: str) -> Any:
    """Apply the form to request ``request_id`` (the core's ``edit_as_typed``, which changes
    only the fields that differ)."""
    from catalogue.core.requests.editing import RequestEdit, edit_as_typed

    fields = scope_fields(form)
    typed = RequestEdit(requesting_body=form["body"], country=form["country"],
                        host=fields["host"] or "",  # empty: no host
                        disciplines=fields["disciplines"], location=fields["location"],
                        audience=fields["audience"], delivered_by=fields["delivered_by"],
                        cohort=fields["cohort"], start=fields["start"], end=fields["end"],
                        notes=form["notes"].strip() or None,
                        funder=form.get("funder", ""), partners=form.get("partners", ""))
    return edit_as_typed(store, request_id, typed, by=by,
                         note=form.get("why", "").strip() or None)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


class EditRequestDialog(NewRequestDialog):
    """``push_screen(EditRequestDialog(countries, user, request), callback)``, where
    ``request`` is the board's request dict; returns the ``EditResult``."""

    save_label = "Save changes"
    hint = "Ctrl+S saves · Esc cancels · scope changes may reset approvals"

    def __init__(self, countries: list[dict[str, Any]], user: str,
                 request: dict[str, Any]) -> None:
        super().__init__(countries, user, id="edit-request")
        self.request = request
        self.heading = f"Request {request['id']}: edit"

    def value(self, field: str) -> str:
        r = self.request
        if field == "body":
            return _text(r["requesting_body"])
        if field == "country":
            return _text(r.get("country_name") or r["country"])
        if field == "host":
            return _text(r.get("host_country"))
        return _text(r.get(field))

    def more_fields(self) -> ComposeResult:
        yield Label("Why (kept in the request's history)", classes="field-label")
        yield Input(placeholder="e.g. dates agreed with the force", id="why")

    def action_save(self) -> None:
        self.submit(edit_from_form, int(self.request["id"]), self.form(), by=self.user)
