"""The CloudFormation value a reference resolves to: an ARN, a name, a queue URL."""

from __future__ import annotations

from typing import Any

from lambdakit.iam import arn_of
from lambdakit.iam.arns import table_stream_arn
from lambdakit.model import Function, Parameter, Ref, Resource, Secret, Table


def reference_value(ref: Ref) -> Any:
    target = ref.target
    if isinstance(target, Function):
        if ref.attribute == "Version":
            # SAM resolves `<id>.Version` to the version it publishes: `Ref` is its ARN.
            return {"Ref": f"{target.id}.Version"}
        return arn_of(target) if ref.attribute == "Arn" else {"Ref": target.id}
    assert isinstance(target, Resource)
    if isinstance(target, Secret) and target.existing_name is not None:
        # Its ARN is known only up to the six random characters Secrets Manager appends (the
        # grant's `-??????` pattern); SDK calls take the name as the SecretId just as well.
        return target.existing_name
    if ref.attribute == "Arn":
        return arn_of(target)
    if ref.attribute == "StreamArn":
        assert isinstance(target, Table) and not target.is_existing  # an existing table's
        return table_stream_arn(target)  # stream ARN comes from its event source, not a Ref
    if target.is_existing:
        return _existing(target, ref.attribute)
    # For owned queues `Ref` is the URL; for buckets, tables, streams, buses and parameters it
    # is the name.
    return {"Ref": target.id}


def _existing(target: Resource, attribute: str) -> Any:
    name = target.existing_name
    region, account = "${AWS::Region}", "${AWS::AccountId}"
    if target.existing_arn is not None:
        parts = target.existing_arn.split(":", 5)
        region, account = parts[3] or region, parts[4] or account
        if isinstance(target, Parameter):
            # parameter/orders/limits is the parameter /orders/limits (a hierarchical name
            # starts with a slash); parameter/limits is just limits.
            path = parts[5].removeprefix("parameter/")
            name = f"/{path}" if "/" in path else path
        else:
            name = parts[-1].rsplit("/", 1)[-1]
    if attribute == "Url":
        return {"Fn::Sub": f"https://sqs.{region}.${{AWS::URLSuffix}}/{account}/{name}"}
    return name
