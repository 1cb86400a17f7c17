"""A public version says which level is suggested (local practice) but names the suggestion rule
only when neither its conditions nor its text rest on withheld facts: "death-penalty" or
"armed-conflict" alone says what the withheld facts are about."""

from __future__ import annotations

from catalogue.core.exports.public_approval import public_suggested_reasons
from catalogue.core.rules.stored import stored_policy
from catalogue.core.store import Store


def _reasons(*rules: str) -> dict[str, object]:
    return {"suggested_minimum": {"reasons": [
        {"rule": rule, "level": "minister", "why": f"the internal reason of {rule}"}
        for rule in rules]}}


def test_rules_resting_on_withheld_facts_are_not_named(store: Store) -> None:
    policy = stored_policy(store)
    fired = ["death-penalty", "armed-conflict", "serious-risk-judged", "ihl-judged",
             "priority-coercive", "priority-confidential"]
    lines = public_suggested_reasons(_reasons(*fired), policy)
    assert lines == ["minister (local practice): details withheld from the public version"] * 6
    for rule in fired:
        assert all(rule not in line and "internal reason" not in line for line in lines)


def test_a_rule_on_public_facts_only_keeps_its_name_and_reason(store: Store) -> None:
    policy = stored_policy(store)
    rule = next(r for r in policy["suggest"] if r["id"] == "sanctions")
    assert rule["when"] == ["sanctions"] and not rule.get("when_any")
    assert public_suggested_reasons(_reasons("sanctions"), policy) == [
        "minister (rule sanctions, local practice): the internal reason of sanctions"]


def test_an_unknown_rule_is_withheld(store: Store) -> None:
    assert public_suggested_reasons(_reasons("no-such-rule"), stored_policy(store)) == [
        "minister (local practice): details withheld from the public version"]
