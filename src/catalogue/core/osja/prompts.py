"""The OSJA prompts that apply to a request, and the suggested minimum approval level.

Prompts are questions from ``data/osja-questions.toml``: the tool says which apply and why,
never what the answer is. The suggested minimum approval level comes from the ``[[suggest]]``
rules of ``data/approval-policy.toml``: the organisation's own local practice, labelled so
wherever it is shown. The level is the highest any firing rule names (or the default), so it
never drops when a risk fact is added.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from catalogue.core.osja.conditions import Judgement, fill, matches, why_values

if TYPE_CHECKING:
    from catalogue.core.rules.facts import Facts

LOCAL_PRACTICE = "local practice"
WORDING_LABELS = {"guidance": "substance confirmed in the public record of the guidance",
                  "local": "organisation's own wording (the guidance's wording is not confirmed)"}


class Prompt:
    """One OSJA question that applies, with why and its source. Plain classes here, not
    dataclasses: the country card (the quick lookup) builds them."""

    __slots__ = ("id", "source", "text", "why", "wording", "wording_label")

    def __init__(self, id: str, text: str, why: str, source: str, wording: str,
                 wording_label: str = "") -> None:
        self.id = id
        self.text = text
        self.why = why
        self.source = source
        self.wording = wording  # "guidance" | "local"
        self.wording_label = wording_label

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in ("id", "text", "why", "source", "wording",
                                               "wording_label")}

    def __repr__(self) -> str:
        return f"Prompt(id={self.id!r})"


class Suggestion:
    """The suggested minimum approval level (local practice) and every reason for it."""

    __slots__ = ("label", "level", "rank", "reasons", "title")

    def __init__(self, level: str, title: str, rank: int,
                 reasons: list[dict[str, str]] | None = None,
                 label: str = LOCAL_PRACTICE) -> None:
        self.level = level  # approver id
        self.title = title
        self.rank = rank
        self.reasons: list[dict[str, str]] = reasons or []  # rule, level, why, source
        self.label = label

    def to_dict(self) -> dict[str, Any]:
        return {"level": self.level, "title": self.title, "rank": self.rank,
                "reasons": [dict(r) for r in self.reasons], "label": self.label}

    @property
    def reason_lines(self) -> list[str]:
        return [f"{r['why']} (rule {r['rule']}; {r['source']})" for r in self.reasons]


def prompts_for(f: Facts, questions: list[dict[str, Any]]) -> list[Prompt]:
    found = []
    for question in questions:
        matched = matches(f, question)
        if matched is None:
            continue
        values = why_values(f, matched)
        found.append(Prompt(id=question["id"], text=question["text"],
                            why=fill(question["why"], values), source=question["source"],
                            wording=question["wording"],
                            wording_label=WORDING_LABELS[question["wording"]]))
    return found


def approvers(policy: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {a["id"]: a for a in policy.get("approvers", [])}


def suggest(f: Facts, judged: Judgement | None = None) -> Suggestion:
    """The suggested minimum approval level (local practice), with every reason."""
    policy = f.policy
    settings = policy["osja"]
    by_id = approvers(policy)
    level = by_id[settings["default_level"]]
    reasons = [{"rule": "default", "level": level["id"], "why": settings["default_why"],
                "source": settings["default_source"]}]
    for rule in policy.get("suggest", []):
        matched = matches(f, rule, judged)
        if matched is None:
            continue
        chosen = by_id[rule["level"]]
        reasons.append({"rule": rule["id"], "level": chosen["id"],
                        "why": fill(rule["why"], why_values(f, matched)),
                        "source": rule["source"]})
        if chosen["rank"] > level["rank"]:
            level = chosen
    if len(reasons) > 1:
        reasons = [r for r in reasons if r["rule"] != "default"]
    return Suggestion(level=level["id"], title=level["title"], rank=level["rank"],
                      reasons=reasons, label=str(settings.get("label", LOCAL_PRACTICE)))
