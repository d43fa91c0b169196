"""What every owned resource gets: tags, retention of state, and reasons scanners can read."""

from __future__ import annotations

from typing import Any

from lambdakit.compile.plain import tag_list
from lambdakit.compile.template import Data
from lambdakit.model import Resource
from lambdakit.plan import Plan

Skip = tuple[str, str]  # (checkov check id, why it is consciously not met)


def owned(logical_id: str, resource_type: str, properties: dict[str, Any]) -> Data:
    """A resource lambdakit writes as plain data, checked in the tests against
    troposphere's specification of `resource_type` (tests/test_resource_specs.py)."""
    return Data(logical_id, {"Type": resource_type, "Properties": properties})


def finish(resource: Resource, plan: Plan, data: Data, *, tags: str = "list",
           skips: tuple[Skip, ...] = ()) -> Data:
    """Tag `data` with the app's tags, retain it when stateful, and record scanner reasons."""
    if plan.app.tags and tags == "list":
        data.data["Properties"]["Tags"] = tag_list(plan.app.tags)
    elif plan.app.tags and tags == "map":
        data.data["Properties"]["Tags"] = dict(sorted(plan.app.tags.items()))
    metadata: dict[str, Any] = {}
    notes: dict[str, Any] = {}
    if resource.stateful:
        if resource.delete_with_stack:
            retain(data, "Delete")
            notes["delete_with_stack"] = resource.delete_with_stack
        else:
            # Data outlives the stack: removing or replacing the resource keeps it.
            retain(data, "Retain")
    # A relaxed default's reason travels with the template, like delete_with_stack's.
    for relaxed in ("without_dead_letter", "without_versioning"):
        reason = getattr(resource, relaxed, None)
        if reason:
            notes[relaxed] = reason
    acknowledged = {code: reason for code, reason in sorted(resource.acknowledge.items())
                    if reason.strip()}
    if acknowledged:
        notes["acknowledged"] = acknowledged
    if notes:
        metadata["lambdakit"] = notes
    if skips:
        metadata["checkov"] = {"skip": [{"id": check, "comment": why} for check, why in skips]}
    if metadata:
        data.data["Metadata"] = metadata
    return data


def retain(data: Data, policy: str) -> None:
    """What CloudFormation does with the resource when it leaves the stack or is replaced."""
    data.data["DeletionPolicy"] = data.data["UpdateReplacePolicy"] = policy


def key_arn(resource: Resource) -> Any:
    """The ARN of the resource's customer key, as the resource's properties expect it."""
    from lambdakit.iam import arn_of

    key = getattr(resource, "key", None)
    return arn_of(key) if key is not None else None
