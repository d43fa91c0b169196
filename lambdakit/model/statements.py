"""`Statement`: the escape hatch for access the catalogue does not cover. It needs a reason, and
it is reported as a warning until acknowledged; one that reaches every resource of a type, or
manages permissions, needs a reason for that too."""

from __future__ import annotations

from pydantic import Field

from lambdakit.model.base import Construct
from lambdakit.model.instance import Instance


class Statement(Construct):
    """An Allow statement added to one function's role, exactly as written."""

    kind = "statement"

    actions: list[str]
    # ARNs as strings (IAM policy variables such as ${aws:username} are kept as written), or
    # constructs of the app, whose ARN lambdakit fills in.
    resources: list[str | Instance[Construct]] = Field(
        default_factory=lambda: list[str | Construct](["*"]))
    # {"StringEquals": {"cloudwatch:namespace": "Orders"}}
    conditions: dict[str, dict[str, str | list[str]]] = {}
    reason: str
    # Why the statement must reach this far, when it does: '*' on actions that have a resource
    # type (every such resource of the account), or permission management (`iam:PutRolePolicy`,
    # `iam:*`, `sts:AssumeRole`, `*`). Without it such a statement is an error (LK214).
    broad_access: str | None = None
    # {"LK211": "reviewed in SEC-142"}: the raw-statement warning is about this statement, so it
    # is acknowledged here (or app-wide), once someone has reviewed it.
    acknowledge: dict[str, str] = {}
