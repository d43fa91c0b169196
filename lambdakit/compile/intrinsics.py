"""CloudFormation values as plain dicts (what `iam` and `model` speak) → troposphere helpers,
which troposphere's type checks accept where a string is expected. Only emitters that build
troposphere objects need them, so troposphere is imported when one first does."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lambdakit.iam import partition_agnostic

if TYPE_CHECKING:
    from lambdakit.model import Function


def cfn(value: Any) -> Any:
    """`{"Fn::Sub": s}` → `Sub(s)`, `{"Ref": x}` → `Ref(x)`, `{"Fn::GetAtt": [a, b]}` →
    `GetAtt(a, b)`; anything else unchanged."""
    if not isinstance(value, dict) or len(value) != 1:  # troposphere's helpers included
        return value
    from troposphere import GetAtt, Ref, Sub

    (name, argument), = value.items()
    if name == "Fn::Sub" and isinstance(argument, str):
        return Sub(argument)
    if name == "Ref":
        return Ref(argument)
    if name == "Fn::GetAtt":
        return GetAtt(*argument)
    return value


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
