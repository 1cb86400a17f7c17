"""Record a new version of a request's OSJA assessment from the board (key ``o``).

The dialog shows what the tool knows (the record's state and what changed, the suggested
minimum approval level labelled as local practice, the dated risk facts) and, for every
prompt that applies, its question, why and source with an answer and a note. The person
assessing records the Stage 1 (in-country) assessment relied on, the serious-risk judgement,
whether IHL applies, mitigations, who was consulted and when, and the level decided and why.
Saving calls the core's ``record_assessment`` in a worker; a refusal (a missing answer, a level
below the suggested minimum without its reason, a bad date) is shown word for word and
nothing is saved. Earlier versions are never changed.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import HorizontalGroup, VerticalGroup, VerticalScroll
from textual.widgets import Button, Input, Label, Select, Static

from catalogue.core.errors import InvalidInputError
from catalogue.tui.dialogs.form import FormDialog
from catalogue.tui.shown import shown_text
from catalogue.tui.spelling import spell_out_text
from catalogue.tui.widgets.osja_text import (
    facts_lines,
    prompt_lines,
    status_line,
    suggestion_lines,
)

ANSWERS = [("Yes", "yes"), ("No", "no"), ("Unclear", "unclear"),
           ("Not applicable", "not-applicable")]
SERIOUS = [("No serious risk", "no"), ("Yes: a serious risk", "yes")]
IHL = [("Does not apply", "does-not-apply"), ("Applies", "applies"),
       ("Assumed to apply (in doubt)", "assumed")]


def _day(text: str, what: str, required: bool = True) -> date | None:
    from catalogue.core.dates import parse_date

    text = (text or "").strip()
    if not text:
        if required:
            raise InvalidInputError(f"{what} is needed (YYYY-MM-DD)")
        return None
    return parse_date(text, what)


def consulted_entries(text: str) -> list[tuple[str, date]]:
    """``"BHC Nairobi, 2026-11-20; Legal adviser, 2026-11-21"`` as (who, when) pairs."""
    found = []
    for item in (part.strip() for part in (text or "").split(";")):
        if not item:
            continue
        who, sep, when = item.rpartition(",")
        if not sep or not who.strip():
            raise InvalidInputError(f"write who was consulted as 'NAME, YYYY-MM-DD' (got "
                                    f"{item!r}); separate several with ';'")
        day = _day(when, f"date consulted for {who.strip()}")
        assert day is not None
        found.append((who.strip(), day))
    return found


def record_from_form(store: Any, request_id: int, form: dict[str, str],
                     answers: dict[str, str], notes: dict[str, str], *, by: str) -> Any:
    """The version the form describes (``record_assessment``); dates and consultations
    are read here, so a malformed one is an ``InvalidInputError`` shown in the dialog."""
    from catalogue.core.osja.record import AssessmentInput, record_assessment

    assessed = _day(form["assessed_on"], "assessment date")
    stage1 = _day(form["stage1_date"], "Stage 1 date")
    assert assessed is not None and stage1 is not None
    data = AssessmentInput(
        author=form["author"], assessed_on=assessed, stage1_reference=form["stage1_ref"],
        stage1_date=stage1, serious_risk=form["serious_risk"], ihl=form["ihl"],
        decided_level=form["level"], decided_reason=form["level_reason"],
        answers=answers, notes={k: v for k, v in notes.items() if v.strip()},
        mitigations=form["mitigations"] or None,
        consulted=consulted_entries(form["consulted"]),
        below_reason=form["below_reason"] or None,
        review_on=_day(form["review_on"], "review date", required=False))
    return record_assessment(store, request_id, data, by=by)


class AssessmentDialog(FormDialog[Any]):
    """``push_screen(AssessmentDialog(osja, user), callback)``, where ``osja`` is the core's
    ``osja_overview`` of the request; returns the version recorded."""

    def __init__(self, osja: dict[str, Any], user: str) -> None:
        super().__init__(id="assessment")
        self.osja = osja
        self.request = osja["request"]
        self.user = user
        self.prompts: list[dict[str, Any]] = osja["prompts"]

    def compose(self) -> ComposeResult:
        spelled: set[str] = set()

        def words(text: str | Text) -> Text:
            return spell_out_text(shown_text(Text(text) if isinstance(text, str) else text),
                                  spelled)

        def field(label: str, id: str, value: str = "", **options: Any) -> ComposeResult:
            yield Label(words(label), classes="field-label")
            yield Input(value=value, id=id, **options)

        latest = self.osja.get("latest") or {}
        version = int(latest.get("version") or 0) + 1
        r = self.request
        with VerticalGroup(classes="dialog form assessment"):
            yield Label(words(f"Request {r['id']}: OSJA assessment, version {version} "
                              f"({r.get('country_name') or r['country']})"),
                        classes="dialog-title")
            with VerticalScroll(classes="dialog-fields"):
                yield Static(words(self._summary()), classes="assessment-summary")
                yield from field("Author (who made the assessment)", "author", self.user)
                yield from field("Assessed on (YYYY-MM-DD)", "assessed_on",
                                 date.today().isoformat())
                yield from field("Stage 1 (in-country) assessment relied on: the mission's "
                                 "reference", "stage1_ref", latest.get("stage1_reference") or "",
                                 placeholder="e.g. BHC Nairobi OSJA 2026/3")
                yield from field("Stage 1 assessment date (YYYY-MM-DD)", "stage1_date",
                                 latest.get("stage1_date") or "")
                for prompt in self.prompts:
                    text = Text()
                    prompt_lines(text, [prompt])
                    text.rstrip()
                    yield Static(shown_text(text), classes="assessment-prompt")
                    with HorizontalGroup(classes="assessment-answer"):
                        yield Select(ANSWERS, prompt="Answer", id=f"answer-{prompt['id']}")
                        yield Input(placeholder="note (optional)", id=f"note-{prompt['id']}")
                yield Label(words("Serious risk that the assistance might directly or "
                                  "significantly contribute to a violation?"),
                            classes="field-label")
                yield Select(SERIOUS, value="no", allow_blank=False, id="serious_risk")
                yield Label("International humanitarian law (IHL); where in doubt whether "
                            "there is an armed conflict, assume it applies",
                            classes="field-label")
                yield Select(IHL, value="does-not-apply", allow_blank=False, id="ihl")
                yield from field("Mitigations", "mitigations")
                yield from field("Consulted: NAME, YYYY-MM-DD; separate several with ';'",
                                 "consulted", placeholder="e.g. BHC political section, "
                                                          f"{date.today().isoformat()}")
                suggested = self.osja["suggested_minimum"]
                yield Label(f"Approval level decided (suggested minimum, "
                            f"{suggested['label']}: {suggested['title']})",
                            classes="field-label")
                yield Select([(a["title"], a["id"]) for a in self.osja["approvers"]],
                             value=suggested["level"], allow_blank=False, id="level")
                yield from field("Why that level", "level_reason")
                yield from field("If below the suggested minimum: why", "below_reason")
                yield from field(f"Review by (YYYY-MM-DD; empty: "
                                 f"{self.osja.get('review_days')} days after the assessment)",
                                 "review_on")
            yield self.error_widget()
            with HorizontalGroup(classes="dialog-buttons"):
                yield Button("Record version", variant="primary", id="save")
                yield Button("Cancel", id="cancel")
            yield Label(Text("Ctrl+S records · Esc cancels · earlier versions are kept"),
                        classes="dialog-hint")

    def _summary(self) -> Text:
        text = Text()
        status_line(text, self.osja["status"])
        suggestion_lines(text, self.osja["suggested_minimum"])
        text.append("Risk facts, each with its date and source:\n", style="bold")
        facts_lines(text, self.osja["risk_facts"])
        text.append(f"{len(self.prompts)} prompt(s) to answer; people answer, the tool "
                    "records.", style="dim")
        return text

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#stage1_ref" if self.query_one("#author", Input).value else "#author",
                       Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def form(self) -> dict[str, str]:
        values = {w.id: w.value for w in self.query(Input) if w.id}
        for name in ("serious_risk", "ihl", "level"):
            values[name] = str(self.query_one(f"#{name}", Select).value)
        return values

    def answers(self) -> dict[str, str]:
        found = {}
        for prompt in self.prompts:
            value = self.query_one(f"#answer-{prompt['id']}", Select).value
            if isinstance(value, str):
                found[prompt["id"]] = value
        return found

    def action_save(self) -> None:
        form = self.form()
        notes = {p["id"]: form.pop(f"note-{p['id']}", "") for p in self.prompts}
        self.submit(record_from_form, int(self.request["id"]), form, self.answers(), notes,
                    by=self.user)
