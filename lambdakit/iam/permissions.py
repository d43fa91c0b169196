"""A permission is one statement's worth of access, with the reason it exists and who asked."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from awacs.aws import Action, Allow, PolicyDocument, Statement

from lambdakit.errors import UNKNOWN, Origin

POLICY_VERSION = "2012-10-17"
WILDCARD = "*"

CfnValue = str | dict[str, Any]


@dataclass(frozen=True)
class Permission:
    """`actions` on `resources`. A `*` resource is allowed only with a `wildcard_reason`."""

    sid: str
    actions: tuple[Action, ...]
    resources: tuple[CfnValue, ...]
    purpose: str
    origin: Origin = UNKNOWN
    wildcard_reason: str = ""

    def __post_init__(self) -> None:
        if WILDCARD in self.resources and not self.wildcard_reason:
            raise ValueError(f"{self.sid}: a '*' resource needs a recorded reason")

    @property
    def action_names(self) -> list[str]:
        return sorted(str(action.JSONrepr()) for action in self.actions)


def policy_document(permissions: Iterable[Permission]) -> PolicyDocument:
    """One statement per Sid, actions and resources sorted: the same input, the same bytes."""
    merged: dict[str, tuple[set[str], dict[str, CfnValue]]] = {}
    for permission in permissions:
        actions, resources = merged.setdefault(permission.sid, (set(), {}))
        actions.update(permission.action_names)
        for resource in permission.resources:
            resources[json.dumps(resource, sort_keys=True)] = resource
    statements = [
        Statement(
            Sid=sid,
            Effect=Allow,
            Action=[Action(*name.split(":", 1)) for name in sorted(actions)],
            Resource=[resources[key] for key in sorted(resources)],
        )
        for sid, (actions, resources) in sorted(merged.items())
    ]
    return PolicyDocument(Version=POLICY_VERSION, Statement=statements)


def wildcard_reasons(permissions: Iterable[Permission]) -> list[dict[str, str]]:
    """The recorded reason for every `*` resource, written into the role's Metadata."""
    reasons = {p.sid: p.wildcard_reason for p in permissions if WILDCARD in p.resources}
    return [{"Sid": sid, "Reason": reason} for sid, reason in sorted(reasons.items())]
