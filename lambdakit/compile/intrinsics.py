"""CloudFormation values compile writes beside the resources' own: plain dicts, as `iam` and
`model` speak them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lambdakit.iam import partition_agnostic

if TYPE_CHECKING:
    from lambdakit.model import Function


def permissions_boundary_arn(boundary: str) -> Any:
    """The app's permissions boundary (a policy ARN, or a name in this account), for every role
    the app creates."""
    if boundary.startswith("arn:"):
        return partition_agnostic(boundary)
    return {"Fn::Sub": f"arn:${{AWS::Partition}}:iam::${{AWS::AccountId}}:policy/{boundary}"}


def alias_dimensions(fn: Function) -> list[dict[str, Any]]:
    """The AWS/Lambda metric dimensions of what is invoked through `fn`'s alias: the function's
    name and `Resource`, `<name>:<alias>`."""
    return [{"Name": "FunctionName", "Value": {"Ref": fn.id}},
            {"Name": "Resource", "Value": {"Fn::Sub": f"${{{fn.id}}}:{fn.alias}"}}]
