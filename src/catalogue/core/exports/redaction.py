"""The public version of an outline, following the disclosure rules.

Withheld, always (the reasons come from the source document's "Disclosing details of
international assistance", worded by the ``[[disclosure]]`` categories of the approval
policy):

- confidential modules (and any module of the counter-terrorism discipline): every detail,
  plus the warnings, approval flags and grading reasons that mention them;
- the cost estimate, the number of trainers and the commercial terms;
- the vulnerability notes;
- for in-country or blended delivery, the exact dates (shown as months), since they are
  the movements of deployed staff.

A final pass replaces any remaining free text that quotes withheld content verbatim (for
example a module title pasted into the programme notes) or mentions counter-terrorism with
``[withheld]``; a withheld value that the public content says itself (the programme's own
discipline, level, module titles or neutral title) is not looked for, as blanking it would
hide public text and protect nothing. The result lists what was withheld and why, without
repeating it; withheld
modules are reported as "confidential content", since naming their real ground would
disclose the link it protects.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from catalogue.core.counting import plural
from catalogue.core.disclosure import FIELDS, WITHHELD
from catalogue.core.exports.public_approval import WITHHELD_TEXT, public_approval
from catalogue.core.store import Store

if TYPE_CHECKING:
    from catalogue.core.programmes.outline import ProgrammeOutline

WITHHELD_DISCIPLINES = ("counter-terrorism",)
#: Free text mentioning these is withheld from public material whatever else it says.
ALWAYS_WITHHELD_TERMS = ("counter-terror", "counter terror", "counterterror")
MIN_SECRET_LENGTH = 8
#: Values with a fixed vocabulary (ids, enums, dates): never free text, never scrubbed.
STRUCTURAL_KEYS = {"format", "id", "module_id", "related_module_id", "principle_id",
                   "discipline_id", "code", "sensitivity", "delivery_mode", "kind", "severity",
                   "level_from", "level_to", "grade", "osja_grade", "start_date", "end_date",
                   "created_at", "updated_at", "generated_at", "category", "currency", "label",
                   "suggested_label"}
#: The source document's wording, used when the policy has no such category.
FALLBACK_REASONS = {
    "force-vulnerabilities": "could expose vulnerabilities in the capability of overseas "
                             "police forces that could be exploited by criminals",
    "commercial-terms": "confidentiality owed to partners on technical and commercial details",
    "deployed-staff": "British citizens deployed overseas could be put at risk",
}
SOURCE = "Source document, 'Disclosing details of international assistance'"
#: Withheld modules are reported under this neutral category: naming the real ground
#: ("links to counter-terrorism") would itself disclose the link.
CONFIDENTIAL = "confidential-content"
CONFIDENTIAL_REASON = {"reason": "confidential content, withheld under the disclosure rules",
                       "source": SOURCE}


def disclosure_reasons(store: Store) -> dict[str, dict[str, str]]:
    """Category id -> {reason, source}, from the policy's ``[[disclosure]]`` entries."""
    from catalogue.core.rules.stored import stored_policy

    reasons = {key: {"reason": text, "source": SOURCE} for key, text in FALLBACK_REASONS.items()}
    reasons[CONFIDENTIAL] = CONFIDENTIAL_REASON
    for item in stored_policy(store).get("disclosure", []):
        title = str(item.get("title", "")).strip()
        if title.lower().startswith("withhold:"):
            title = title.split(":", 1)[1].strip()
        if title and item["id"] in FALLBACK_REASONS:
            reasons[item["id"]] = {"reason": title, "source": str(item.get("source") or SOURCE)}
    return reasons


def is_withheld_module(module: dict[str, Any]) -> bool:
    return (module["sensitivity"] == "confidential" or not module["in_library"]
            or module["discipline_id"] in WITHHELD_DISCIPLINES)


#: Withheld programme fields that have a disclosure category of their own below.
_OWN_CATEGORY = {"title", "vulnerability_notes", "commercial_terms"}
_LABELS = {"language_notes": "the language notes"}
#: Cleared without a mention: every programme has them.
_SILENT = {"created_at", "updated_at"}


def public_title(programme: dict[str, Any]) -> str:
    """The title public material shows: the programme's public title, or a neutral one."""
    chosen = (programme.get("public_title") or "").strip()
    return chosen or f"Training programme for {programme['country']['name']}"


def redact(outline: ProgrammeOutline, reasons: dict[str, dict[str, str]], *,
           policy: dict[str, Any] | None = None,
           secrets: Iterable[str] = ()) -> ProgrammeOutline:
    """A redacted deep copy of ``outline`` (the original is left as it was).

    ``secrets``: stored withheld values the programme draws on (its linked request, the
    country's travel advice ...), scrubbed from any text that quotes them; ``policy``: the
    approval policy, to re-render flags with their withheld facts masked.
    """
    public = copy.deepcopy(outline)
    withheld: list[dict[str, Any]] = []

    def note(category: str, what: str) -> None:
        info = reasons.get(category) or CONFIDENTIAL_REASON
        withheld.append({"category": category, "what": what, **info})

    hidden = [m for m in outline["modules"] if is_withheld_module(m)]
    texts = _secret_texts(outline, hidden) | set(secrets)
    texts.discard(outline["programme"].get("public_title") or "")
    # A withheld value that the public content itself says (a discipline the request named
    # that is also the programme's, an audience that is also its level, a word of a module
    # title or of the neutral title) protects nothing by being scrubbed, and scrubbing it
    # would blank public text: only the rest are looked for.
    published = _library_text(outline, hidden)
    terms = ({m["id"] for m in hidden}
             | {t for t in texts if len(t) >= MIN_SECRET_LENGTH and t.lower() not in published}
             | set(ALWAYS_WITHHELD_TERMS))
    public["approval"] = public_approval(public.get("approval") or {}, policy or {})
    public["sensitivity"] = None
    public["totals"]["withheld_modules"] = len(hidden)
    if hidden:
        dropped = _drop_modules(public, hidden, terms)
        what = f"{plural(len(hidden), 'module')} with confidential content"
        if dropped:
            about = plural(dropped, "warning, approval flag or grading reason",
                           "warnings, approval flags or grading reasons")
            what += f", and {about} about them"
        note(CONFIDENTIAL, what)
    programme = public["programme"]
    if outline["costing"] or programme.get("trainers") or programme.get("commercial_terms"):
        parts = [label for label, present in (("the cost estimate", outline["costing"]),
                                              ("the number of trainers", programme["trainers"]),
                                              ("the commercial terms",
                                               programme["commercial_terms"])) if present]
        public["costing"] = None
        programme["trainers"] = None
        programme["commercial_terms"] = None
        note("commercial-terms", " and ".join(parts))
    if programme.get("vulnerability_notes"):
        programme["vulnerability_notes"] = None
        note("force-vulnerabilities", "the vulnerability notes")
    if programme["delivery_mode"] in {"in-country", "blended"} and programme.get("start_date"):
        programme["start_date"] = programme["start_date"][:7]
        programme["end_date"] = programme["end_date"][:7] if programme.get("end_date") else None
        note("deployed-staff", "the exact dates of delivery in the country (months shown)")
    internal = _withhold_programme_fields(programme)
    if internal:
        note(CONFIDENTIAL, "internal details: " + ", ".join(internal))
    scrubbed = _scrub_tree(public, sorted(terms, key=len, reverse=True))
    if scrubbed:
        note(CONFIDENTIAL, f"{plural(scrubbed, 'other text')} quoting withheld content")
    public["redacted"] = True
    public["withheld"] = withheld
    return public


def _library_text(outline: ProgrammeOutline, hidden: list[dict[str, Any]]) -> str:
    """What the public version shows from the library and the reference data, lower-cased:
    the shown modules' library texts and ids, discipline and principle names, the country,
    the audience level and the neutral title; not what users typed (notes, titles) nor what
    is worked out from the request (warnings, flags), which may quote withheld values."""
    hidden_ids = {m["id"] for m in hidden}
    programme = outline["programme"]
    parts: list[Any] = [json.dumps(programme.get("country"), ensure_ascii=False, default=str),
                        json.dumps(programme.get("audience_level"), ensure_ascii=False,
                                   default=str)]
    if not (programme.get("public_title") or "").strip():
        parts.append(public_title(programme))
    for module in outline["modules"]:
        if module["id"] not in hidden_ids:
            parts += [module["id"], module["title"], module["summary"],
                      module["discipline_title"], module["library_note"], *module["outcomes"]]
    parts += [row["title"] for row in outline["days_by_discipline"]
              if row["id"] not in WITHHELD_DISCIPLINES]
    parts += [p["name"] for p in outline["principles"]]
    return "\n".join(str(part) for part in parts if part).lower()


def _secret_texts(outline: ProgrammeOutline, hidden: list[dict[str, Any]]) -> set[str]:
    """Texts of withheld content that do not also appear in content that stays."""
    def texts(module: dict[str, Any]) -> set[str]:
        found = {module["title"], module["summary"], module["notes"], module["library_note"],
                 *module["outcomes"]}
        return {t for t in found if isinstance(t, str) and t.strip()}

    hidden_ids = {m["id"] for m in hidden}
    shown: set[str] = set()
    for module in outline["modules"]:
        if module["id"] not in hidden_ids:
            shown |= texts(module)
    secret: set[str] = set()
    for module in hidden:
        secret |= texts(module)
    programme = outline["programme"]
    for key in ("vulnerability_notes", "commercial_terms"):
        if programme.get(key):
            secret.add(programme[key])
    return secret - shown


def _withhold_programme_fields(programme: dict[str, Any]) -> list[str]:
    """Clear every withheld programme field (core/disclosure.py) and the request link;
    the title becomes the public title. What was cleared, in words."""
    cleared: list[str] = []
    shown = public_title(programme)
    if programme.get("title") != shown:
        cleared.append("the working title")
    programme["title"] = shown
    if programme.get("request_id") is not None:
        cleared.append("the linked request")
    programme["request_id"] = None
    for column, field in FIELDS["programmes"].items():
        if field.cls != WITHHELD or column in _OWN_CATEGORY or column not in programme:
            continue
        if programme[column] not in (None, "") and column not in _SILENT:
            label = _LABELS.get(column, "the " + column.replace("_", " "))
            if label not in cleared:
                cleared.append(label)
        programme[column] = None
    return cleared


def _mentions(value: Any, terms: set[str]) -> bool:
    text = json.dumps(value, ensure_ascii=False, default=str).lower()
    return any(term.lower() in text for term in terms)


def _drop_modules(public: ProgrammeOutline, hidden: list[dict[str, Any]], terms: set[str]) -> int:
    """Remove withheld modules and everything that refers to them; how many references."""
    hidden_ids = {m["id"] for m in hidden}
    visible = [m for m in public["modules"] if m["id"] not in hidden_ids]
    for position, module in enumerate(visible, start=1):
        module["position"] = position
    public["modules"] = visible
    rows = [r for r in public["days_by_discipline"] if r["id"] not in WITHHELD_DISCIPLINES]
    hours_per_day = public["totals"]["hours_per_day"]
    for row in rows:
        row["hours"] = round(sum(m["hours"] for m in visible if m["discipline_id"] == row["id"]), 2)
        row["modules"] = sum(1 for m in visible if m["discipline_id"] == row["id"])
        row["days"] = round(row["hours"] / hours_per_day, 2)
    rows = [r for r in rows if r["modules"]]
    withheld_hours = round(sum(m["hours"] for m in hidden), 2)
    rows.append({"id": None, "title": "Withheld content", "modules": len(hidden),
                 "hours": withheld_hours, "days": round(withheld_hours / hours_per_day, 2)})
    public["days_by_discipline"] = rows
    for principle in public["principles"]:
        principle["modules"] = [m for m in principle["modules"] if m not in hidden_ids]
    dropped = 0
    kept = []
    for warning in public["warnings"]:
        if warning["module_id"] in hidden_ids or warning["related_module_id"] in hidden_ids \
                or _mentions(warning, terms):
            dropped += 1
        else:
            kept.append(warning)
    public["warnings"] = kept
    approval = public.get("approval") or {}
    for key in ("flags", "suggested_reasons"):
        items = approval.get(key) or []
        approval[key] = [item for item in items if not _mentions(item, terms)]
        dropped += len(items) - len(approval[key])
    return dropped


def _scrub_tree(value: Any, terms: list[str], parent: str | None = None) -> int:
    """Replace, in place, every free-text string that quotes a withheld text; how many."""
    count = 0
    items: list[tuple[Any, Any]] = []
    if isinstance(value, dict):
        items = list(value.items())
    elif isinstance(value, list):
        items = [(index, item) for index, item in enumerate(value)]
    for key, item in items:
        name = key if isinstance(key, str) else parent
        if isinstance(item, str):
            if name in STRUCTURAL_KEYS or item == WITHHELD_TEXT:
                continue
            lowered = item.lower()
            if any(t.lower() in lowered for t in terms):
                value[key] = WITHHELD_TEXT
                count += 1
        else:
            count += _scrub_tree(item, terms, name)
    return count
