"""CloudFormation values as plain dicts (what `iam` and `model` speak) → troposphere helpers,
which troposphere's type checks accept where a string is expected."""

from __future__ import annotations

from typing import Any

from troposphere import AWSHelperFn, GetAtt, Ref, Sub

from lambdakit.iam import partition_agnostic


def cfn(value: Any) -> Any:
    """`{"Fn::Sub": s}` → `Sub(s)`, `{"Ref": x}` → `Ref(x)`, `{"Fn::GetAtt": [a, b]}` →
    `GetAtt(a, b)`; anything else unchanged."""
    if isinstance(value, AWSHelperFn) or not isinstance(value, dict) or len(value) != 1:
        return value
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
        return cfn(partition_agnostic(boundary))
    return Sub(f"arn:${{AWS::Partition}}:iam::${{AWS::AccountId}}:policy/{boundary}")
