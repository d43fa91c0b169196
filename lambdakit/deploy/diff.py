"""The deployed template against the one a deploy would send: resources and IAM statements
added, removed and changed, written for a person."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

POLICY_DOCUMENT = "PolicyDocument"
# Resources with one policy document (roles have several: their trust and inline policies).
RESOURCE_POLICY_TYPES = frozenset({"AWS::S3::BucketPolicy", "AWS::SQS::QueuePolicy",
                                   "AWS::SNS::TopicPolicy", "AWS::IAM::Policy",
                                   "AWS::IAM::ManagedPolicy"})
# Properties whose changes the IAM section spells out statement by statement.
POLICY_PROPERTIES = frozenset({"Policies", "AssumeRolePolicyDocument", POLICY_DOCUMENT})
VALUE_WIDTH = 100

StatementKey = tuple[str, str, str]  # (logical id, policy, Sid or position)


@dataclass(frozen=True)
class TemplateDiff:
    lines: tuple[str, ...]

    @property
    def differs(self) -> bool:
        return bool(self.lines)

    def text(self, stack: str) -> str:
        if not self.lines:
            return f"No differences: {stack} is what a deploy would send"
        return "\n".join(self.lines)


def diff_templates(deployed: dict[str, Any], proposed: dict[str, Any]) -> TemplateDiff:
    lines = _resources(deployed.get("Resources", {}), proposed.get("Resources", {}))
    iam = _statements(statements_of(deployed), statements_of(proposed))
    if iam:
        lines += ["IAM statements", *iam]
    return TemplateDiff(tuple(lines))


def statements_of(template: dict[str, Any]) -> dict[StatementKey, dict[str, Any]]:
    """Every IAM statement in the template: roles' inline and trust policies, managed and
    resource policies."""
    found: dict[StatementKey, dict[str, Any]] = {}
    for logical_id, resource in sorted(template.get("Resources", {}).items()):
        properties = resource.get("Properties", {})
        documents: list[tuple[str, Any]] = []
        if resource.get("Type") == "AWS::IAM::Role":
            documents.append(("trust", properties.get("AssumeRolePolicyDocument")))
            documents.extend((str(p.get("PolicyName", index)), p.get(POLICY_DOCUMENT))
                             for index, p in enumerate(properties.get("Policies", [])))
        elif resource.get("Type") in RESOURCE_POLICY_TYPES:
            documents.append(("policy", properties.get(POLICY_DOCUMENT)))
        for policy, document in documents:
            statements = document.get("Statement", []) if isinstance(document, dict) else []
            if isinstance(statements, dict):
                statements = [statements]
            for index, statement in enumerate(statements):
                found[(logical_id, policy, str(statement.get("Sid") or f"#{index + 1}"))] = \
                    statement
    return found


def _resources(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    lines: list[str] = []
    for logical_id in sorted(new.keys() - old.keys()):
        lines.append(f"  + {logical_id} ({new[logical_id].get('Type')})")
    for logical_id in sorted(old.keys() - new.keys()):
        lines.append(f"  - {logical_id} ({old[logical_id].get('Type')})")
    for logical_id in sorted(old.keys() & new.keys()):
        if old[logical_id] == new[logical_id]:
            continue
        lines.append(f"  ~ {logical_id} ({new[logical_id].get('Type')})")
        lines.extend(f"      {path}: {change}"
                     for path, change in _changed_fields(old[logical_id], new[logical_id]))
    return ["Resources", *lines] if lines else []


def _changed_fields(old: dict[str, Any], new: dict[str, Any]) -> list[tuple[str, str]]:
    """Changed top-level attributes, and properties one level down."""
    changes: list[tuple[str, str]] = []
    for key in sorted(old.keys() | new.keys()):
        before, after = old.get(key), new.get(key)
        if before == after:
            continue
        if key == "Properties" and isinstance(before, dict) and isinstance(after, dict):
            changes.extend((f"Properties.{name}", _property_change(name, before, after))
                           for name in sorted(before.keys() | after.keys())
                           if before.get(name) != after.get(name))
        else:
            changes.append((key, _change(before, after)))
    return changes


def _property_change(name: str, before: dict[str, Any], after: dict[str, Any]) -> str:
    if name in POLICY_PROPERTIES and name in before and name in after:
        return "changed (see IAM statements)"
    return _change(before.get(name), after.get(name))


def _statements(old: dict[StatementKey, dict[str, Any]],
                new: dict[StatementKey, dict[str, Any]]) -> list[str]:
    lines: list[str] = []
    for key in sorted(new.keys() - old.keys()):
        lines.append(f"  + {_label(key)}: {_describe(new[key])}")
    for key in sorted(old.keys() - new.keys()):
        lines.append(f"  - {_label(key)}: {_describe(old[key])}")
    for key in sorted(old.keys() & new.keys()):
        if old[key] != new[key]:
            lines.append(f"  ~ {_label(key)}")
            lines.extend(_statement_changes(old[key], new[key]))
    return lines


def _statement_changes(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    lines: list[str] = []
    for field in sorted(old.keys() | new.keys()):
        before, after = old.get(field), new.get(field)
        if before == after:
            continue
        if field in {"Action", "NotAction", "Resource", "NotResource"}:
            was, now = _as_set(before), _as_set(after)
            lines.extend(f"      + {field} {item}" for item in sorted(now - was))
            lines.extend(f"      - {field} {item}" for item in sorted(was - now))
        else:
            lines.append(f"      {field}: {_change(before, after)}")
    return lines


def _label(key: StatementKey) -> str:
    logical_id, policy, sid = key
    return f"{logical_id} {policy} {sid}"


def _describe(statement: dict[str, Any]) -> str:
    actions = ", ".join(sorted(_as_set(statement.get("Action", statement.get("NotAction")))))
    resources = ", ".join(sorted(_as_set(statement.get("Resource",
                                                        statement.get("NotResource")))))
    text = f"{statement.get('Effect', '?')} {actions}"
    if resources:
        text += f" on {resources}"
    if "Principal" in statement:
        text += f" for {_compact(statement['Principal'])}"
    if "Condition" in statement:
        text += f" if {_compact(statement['Condition'])}"
    return text


def _as_set(value: Any) -> set[str]:
    if value is None:
        return set()
    items = value if isinstance(value, list) else [value]
    return {item if isinstance(item, str) else _compact(item) for item in items}


def _change(before: Any, after: Any) -> str:
    if before is None:
        return f"(added) {_compact(after)}"
    if after is None:
        return f"(removed) {_compact(before)}"
    return f"{_compact(before)} → {_compact(after)}"


def _compact(value: Any) -> str:
    """Strings whole (an S3 key cut short says nothing); references in `Fn::Sub` form
    (`${Orders.Arn}`); other structures on one line, cut."""
    value = _readable(value)
    if isinstance(value, str):
        return value
    text = json.dumps(value, sort_keys=True, separators=(",", ":"))
    return text if len(text) <= VALUE_WIDTH else text[:VALUE_WIDTH - 1] + "…"


def _readable(value: Any) -> Any:
    """`Ref`, `Fn::GetAtt`, `Fn::Sub` and `Fn::Join` of strings as the one string they
    stand for, the way `Fn::Sub` writes it; anything else as it is, its parts made readable."""
    if isinstance(value, list):
        return [_readable(item) for item in value]
    if not isinstance(value, dict):
        return value
    if len(value) == 1:
        (function, argument), = value.items()
        if function == "Ref" and isinstance(argument, str):
            return f"${{{argument}}}"
        if function == "Fn::GetAtt" and isinstance(argument, list):
            return f"${{{'.'.join(str(part) for part in argument)}}}"
        if function == "Fn::Sub" and isinstance(argument, str):
            return argument
        if function == "Fn::Join" and isinstance(argument, list) and len(argument) == 2:
            parts = _readable(argument[1])
            if isinstance(argument[0], str) and isinstance(parts, list) and all(
                    isinstance(part, str) for part in parts):
                return argument[0].join(parts)
    return {key: _readable(item) for key, item in value.items()}
