"""A permission is one statement's worth of access, with the reason it exists and who asked."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import awacs.aws
from awacs.aws import Action

from lambdakit.errors import UNKNOWN, Origin

POLICY_VERSION = "2012-10-17"
WILDCARD = "*"

CfnValue = str | dict[str, Any]
# {"StringLike": {"s3:prefix": ["in/*"]}}: operator → condition key → values
Conditions = dict[str, dict[str, list[str]]]


@dataclass(frozen=True)
class Permission:
    """`actions` on `resources`. A `*` resource is allowed only with a `wildcard_reason`."""

    sid: str
    actions: tuple[Action, ...]
    resources: tuple[CfnValue, ...]
    purpose: str
    origin: Origin = UNKNOWN
    wildcard_reason: str = ""
    conditions: Conditions = field(default_factory=dict)
    # A raw statement's reason for reaching every resource of a type or managing permissions.
    broad_access: str = ""

    def __post_init__(self) -> None:
        if WILDCARD in self.resources and not self.wildcard_reason:
            raise ValueError(f"{self.sid}: a '*' resource needs a recorded reason")

    @property
    def action_names(self) -> list[str]:
        return sorted(str(action.JSONrepr()) for action in self.actions)


# `json.dumps(resource, sort_keys=True)` without building an encoder for every resource.
_RESOURCE_KEY = json.JSONEncoder(sort_keys=True).encode


@dataclass
class _Merged:
    actions: set[str] = field(default_factory=set)
    resources: dict[str, CfnValue] = field(default_factory=dict)
    conditions: dict[str, dict[str, set[str]]] = field(default_factory=dict)


def merge(permissions: Iterable[Permission]) -> dict[str, _Merged]:
    """One entry per Sid; actions, resources and condition values unioned."""
    merged: dict[str, _Merged] = {}
    for permission in permissions:
        entry = merged.setdefault(permission.sid, _Merged())
        entry.actions.update(permission.action_names)
        for resource in permission.resources:
            entry.resources[_RESOURCE_KEY(resource)] = resource
        for operator, keys in permission.conditions.items():
            for key, values in keys.items():
                entry.conditions.setdefault(operator, {}).setdefault(key, set()).update(values)
    return merged


def policy_statements(permissions: Iterable[Permission]) -> list[dict[str, Any]]:
    """Statements sorted by Sid, actions and resources sorted: the same input, the same bytes.
    Plain data, as awacs would write it (building awacs objects costs more than the rest)."""
    return [statement_document(sid, entry) for sid, entry in sorted(merge(permissions).items())]


def statement_document(sid: str, entry: _Merged) -> dict[str, Any]:
    """One merged statement as written into a policy."""
    statement = statement_head(sid, entry)
    if entry.conditions:
        statement["Condition"] = _condition_data(entry.conditions)
    return statement


def statement_head(sid: str, entry: _Merged) -> dict[str, Any]:
    """A merged statement but its condition."""
    return {
        "Sid": sid,
        "Effect": "Allow",
        "Action": sorted(entry.actions),
        "Resource": [entry.resources[key] for key in sorted(entry.resources)],
    }


def _condition_data(conditions: dict[str, dict[str, set[str]]]) -> dict[str, Any]:
    """One entry per operator holding all its keys, keys and values sorted. Operators are IAM's
    names already (`iam_operator`), so the policy sizing counts exactly what is written."""
    return {operator: {key: sorted(values) for key, values in sorted(keys.items())}
            for operator, keys in sorted(conditions.items())}


# IAM's condition operators: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
# awacs 2.x has no class for the binary operator, and makes `IfExists` forms of `Null`, which
# the page rules out ("any condition operator name except the Null condition"). `BinaryEquals`
# is taken alone: cfn-lint's policy schema (E3510) refuses its IfExists and set forms.
MISSING_FROM_AWACS = ("BinaryEquals",)


@functools.cache
def condition_operators() -> dict[str, str]:
    """IAM's condition operators by IAM's name (`ForAnyValue:StringLike`) and by awacs's class
    name (`ForAnyValueStringLike`), each to IAM's name: awacs lists all but `BinaryEquals`."""
    names = {name: name for name in MISSING_FROM_AWACS}
    for class_name, value in vars(awacs.aws).items():
        iam_name = getattr(value, "condition", None)  # a class attribute of each operator
        if (isinstance(value, type) and issubclass(value, awacs.aws.ConditionElement)
                and isinstance(iam_name, str) and not iam_name.endswith("NullIfExists")):
            names[class_name] = names[iam_name] = iam_name
    return names


def iam_operator(name: str) -> str:
    """`name` as IAM spells it; an unknown operator stays as written (LK212 reports it)."""
    return condition_operators().get(name, name)


def policy_document(permissions: Iterable[Permission]) -> dict[str, Any]:
    return {"Version": POLICY_VERSION, "Statement": policy_statements(permissions)}


def wildcard_reasons(permissions: Iterable[Permission]) -> list[dict[str, str]]:
    """The recorded reason for every `*` resource, written into the role's Metadata."""
    reasons = {p.sid: p.wildcard_reason for p in permissions if WILDCARD in p.resources}
    return [{"Sid": sid, "Reason": reason} for sid, reason in sorted(reasons.items())]
