"""The approval part of a public export: flags and the reasons for the suggested minimum
approval level, with withheld facts masked.

A flag's texts are rendered from the policy's templates with its facts; the facts each have
a disclosure class (:data:`catalogue.core.disclosure.FLAG_FACTS`). A public flag is the same
flag rendered again with every withheld fact shown as ``[withheld]``, and without its
``facts``. A reason for the suggested minimum approval level (local practice) names its rule
and keeps its explanation only when every placeholder of the rule's text and every condition
of the rule is public (:data:`catalogue.core.disclosure.CONDITION_FACTS`): a rule's name alone,
"death-penalty" or "armed-conflict", says what the withheld facts are about. The ``withhold-*``
flags (guidance for whoever writes public material) are left out because the export has
already applied them.
"""

from __future__ import annotations

from typing import Any

from catalogue.core.disclosure import FLAG_FACTS, PUBLIC, condition_class, withheld_facts

WITHHELD_TEXT = "[withheld]"
#: The parts of the rules engine's assessment a public export keeps (not the scope, the
#: factor details, the sensitivity or the internal list of disclosure categories).
PUBLIC_APPROVAL_KEYS = ("suggested_label", "suggested_reasons", "approver", "approver_title",
                        "location", "flags")
_FLAG_KEYS = ("id", "severity", "title", "why", "source", "decline")


def _masked(facts: dict[str, Any]) -> dict[str, Any]:
    return {key: value if FLAG_FACTS.get(key) == PUBLIC else WITHHELD_TEXT
            for key, value in facts.items()}


def public_flag(flag: dict[str, Any], policy: dict[str, Any]) -> dict[str, Any]:
    """The flag without its facts; texts re-rendered with withheld facts masked."""
    public = {key: flag.get(key) for key in _FLAG_KEYS if key in flag}
    facts = flag.get("facts") or {}
    if not withheld_facts(facts):
        return public
    from catalogue.core.rules.baseline import make_flag

    if flag.get("id") in policy.get("flags", {}):
        masked = make_flag(policy, str(flag["id"]), _masked(facts))
        public.update(title=masked.title, why=masked.why, source=masked.source)
    else:
        public["why"] = "The details are withheld from the public version."
    return public


def public_suggested_reasons(approval: dict[str, Any], policy: dict[str, Any]) -> list[str]:
    """One line per suggestion rule that fired; its name and explanation only when public."""
    import string

    rules = {str(r["id"]): r for r in policy.get("suggest", [])}
    rules["default"] = {"why": policy.get("osja", {}).get("default_why", "")}
    reasons = []
    for reason in (approval.get("suggested_minimum") or {}).get("reasons") or []:
        rule = rules.get(str(reason.get("rule")), {"why": "{unknown}"})
        names = {n for _, n, _, _ in string.Formatter().parse(str(rule["why"])) if n is not None}
        conditions = [*rule.get("when", []), *rule.get("when_any", [])]
        if (all(FLAG_FACTS.get(name) == PUBLIC for name in names)
                and all(condition_class(c) == PUBLIC for c in conditions)):
            reasons.append(f"{reason.get('level')} (rule {reason.get('rule')}, local practice): "
                           f"{reason.get('why', '')}")
        else:
            reasons.append(f"{reason.get('level')} (local practice): details withheld from the "
                           "public version")
    return reasons


def public_approval(approval: dict[str, Any], policy: dict[str, Any]) -> dict[str, Any]:
    """The assessment as a public export shows it."""
    public = {key: approval.get(key) for key in PUBLIC_APPROVAL_KEYS}
    public["suggested_reasons"] = public_suggested_reasons(approval, policy)
    public["flags"] = [public_flag(f, policy) for f in approval.get("flags") or []
                       if not str(f.get("id", "")).startswith("withhold-")]
    return public
