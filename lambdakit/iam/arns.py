"""ARNs of resources as CloudFormation values, partition-agnostic, for owned and existing ones.

Plain dicts (`{"Fn::GetAtt": [...]}`), so this package never imports troposphere.
"""

from __future__ import annotations

from typing import Any

from lambdakit.limits.arns import ARN_BY_NAME, partition_agnostic
from lambdakit.model import Construct, Function, Parameter, Resource, Table

CfnValue = str | dict[str, Any]

# Owned resources whose `Ref` is already the ARN; the others use `Fn::GetAtt <id>.Arn`.
REF_IS_ARN = {"topic", "secret", "layer"}


def has_arn(construct: Construct) -> bool:
    """Whether lambdakit can write the construct's ARN: not for one that did not load, nor
    for an existing one by a name its ARN cannot be built from (a user pool's ARN holds its
    id, a stream consumer's its registration time)."""
    if getattr(construct, "broken", False):
        return False
    return not (isinstance(construct, Resource) and construct.existing_arn is None
                and construct.existing_name is not None and construct.kind not in ARN_BY_NAME)


def literal_in_sub(text: str) -> str:
    """`text` as part of an `Fn::Sub` template that CloudFormation reads literally: `${` is
    escaped as `${!`, so a user's `${AWS::StackName}` stays those characters."""
    return text.replace("${", "${!")


def literal_arn(arn: str) -> CfnValue:
    """A user's ARN, partition-agnostic, with nothing in it substituted."""
    value = partition_agnostic(literal_in_sub(arn))
    return value if isinstance(value, dict) else arn


def arn_of(construct: Construct) -> CfnValue:
    """The ARN of a function or resource of the app, or of an existing one."""
    if isinstance(construct, Function):
        return {"Fn::GetAtt": [construct.id, "Arn"]}
    assert isinstance(construct, Resource)
    if construct.existing_arn is not None:
        return literal_arn(construct.existing_arn)
    if construct.existing_name is not None:
        name = construct.existing_name.lstrip("/") if isinstance(construct, Parameter) \
            else construct.existing_name
        return {"Fn::Sub": ARN_BY_NAME[construct.kind].replace("{name}", literal_in_sub(name))}
    if isinstance(construct, Parameter):
        return _parameter_arn(construct)
    if construct.kind in REF_IS_ARN:
        return {"Ref": construct.id}
    if construct.kind == "stream_consumer":
        return {"Fn::GetAtt": [construct.id, "ConsumerARN"]}
    return {"Fn::GetAtt": [construct.id, "Arn"]}


def _parameter_arn(parameter: Parameter) -> CfnValue:
    # A name with a leading slash ("/app/x") appears in the ARN without it ("parameter/app/x").
    if parameter.name:
        path = literal_in_sub(parameter.name.lstrip("/"))
        return {"Fn::Sub": ARN_BY_NAME["parameter"].replace("{name}", path)}
    return {"Fn::Sub": ARN_BY_NAME["parameter"].replace("{name}", "${" + parameter.id + "}")}


def suffixed(arn: CfnValue, suffix: str) -> CfnValue:
    """`arn` followed by a literal path (`/*`, `/index/*`), still a CloudFormation value."""
    if isinstance(arn, str):
        return arn + suffix
    if "Fn::Sub" in arn:
        return {"Fn::Sub": arn["Fn::Sub"] + suffix}
    if "Fn::GetAtt" in arn:
        logical_id, attribute = arn["Fn::GetAtt"]
        return {"Fn::Sub": "${" + f"{logical_id}.{attribute}" + "}" + suffix}
    return {"Fn::Sub": "${" + arn["Ref"] + "}" + suffix}


def table_stream_arn(table: Table) -> CfnValue:
    """The table's stream: the exact ARN for an owned table, any stream of an existing one."""
    if table.is_existing:
        return suffixed(arn_of(table), "/stream/*")
    return {"Fn::GetAtt": [table.id, "StreamArn"]}
