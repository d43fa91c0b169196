"""What every owned resource gets: tags, retention of state, and reasons scanners can read."""

from __future__ import annotations

from typing import Any

from troposphere import AWSObject, Tags

from lambdakit.compile.intrinsics import cfn
from lambdakit.model import Resource
from lambdakit.plan import Plan

Skip = tuple[str, str]  # (checkov check id, why it is consciously not met)


def finish(resource: Resource, plan: Plan, obj: AWSObject, *, tags: str = "list",
           skips: tuple[Skip, ...] = ()) -> AWSObject:
    """Tag `obj` with the app's tags, retain it when stateful, and record scanner reasons."""
    if plan.app.tags and tags == "list":
        obj.Tags = Tags(**dict(sorted(plan.app.tags.items())))
    elif plan.app.tags and tags == "map":
        obj.Tags = dict(sorted(plan.app.tags.items()))
    metadata: dict[str, Any] = {}
    notes: dict[str, Any] = {}
    if resource.stateful:
        if resource.delete_with_stack:
            obj.DeletionPolicy = obj.UpdateReplacePolicy = "Delete"
            notes["delete_with_stack"] = resource.delete_with_stack
        else:
            # Data outlives the stack: removing or replacing the resource keeps it.
            obj.DeletionPolicy = obj.UpdateReplacePolicy = "Retain"
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
        obj.Metadata = metadata
    return obj


def key_arn(resource: Resource) -> Any:
    """The ARN of the resource's customer key, as the resource's properties expect it."""
    from lambdakit.iam import arn_of

    key = getattr(resource, "key", None)
    return cfn(arn_of(key)) if key is not None else None
