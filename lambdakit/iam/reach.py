"""How far a raw statement's actions reach: on `*`, an action that has a resource type acts on
every such resource of the account; a permission-management action (or `sts:AssumeRole`)
changes what any principal may do. Both need a recorded reason (`Statement(broad_access=...)`).

The lists are the AWS service authorization reference as data (`action_reach.json`, written by
scripts/update_iam_actions.py from parliament's IAM database); read only when a statement is
checked.
"""

from __future__ import annotations

import fnmatch
import functools
import json
from collections.abc import Sequence

# Not of the "Permissions management" access level, but each gives a principal more than it
# had: assuming another role's permissions, or handing a role to a service.
ESCALATING = ("sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity",
              "iam:PassRole")


@functools.cache
def _reach() -> tuple[frozenset[str], tuple[str, ...]]:
    # importlib.resources brings tempfile, shutil and random along: imported only by an app that
    # has raw statements.
    from importlib import resources

    data = json.loads((resources.files("lambdakit.iam") / "action_reach.json").read_text("utf-8"))
    unscoped = frozenset(f"{prefix}:{name}".lower()
                         for prefix, names in data["unscoped"].items() for name in names)
    managing = tuple(f"{prefix}:{name}".lower()
                     for prefix, names in data["permissions_management"].items()
                     for name in names) + tuple(a.lower() for a in ESCALATING)
    return unscoped, managing


def has_resource_type(action: str) -> bool:
    """Whether `action` may act on resources IAM can name by ARN: true unless the reference
    lists it without resource types. A pattern (`s3:Get*`) counts as having one."""
    unscoped, _ = _reach()
    return action.lower() not in unscoped


def manages_permissions(action: str) -> bool:
    """Whether `action` (a pattern too: `iam:*`, `*`) covers a permission-management action or
    one that lets a principal take another role."""
    _, managing = _reach()
    pattern = action.lower()
    return any(fnmatch.fnmatchcase(known, pattern) for known in managing)


def broad_actions(actions: Sequence[str], resources: Sequence[object]) -> list[str]:
    """The actions that make a statement broad: permission management anywhere, and on `*`
    every action that has a resource type."""
    on_everything = "*" in resources
    return [action for action in actions
            if manages_permissions(action) or (on_everything and has_resource_type(action))]
