"""ARNs users pass as text (a cluster, a broker, an existing table's stream), written as
CloudFormation values that hold in any partition."""

from __future__ import annotations

from typing import Any

from lambdakit.model.resources.base import ARN_PARTITION


def partition_agnostic(arn: str) -> Any:
    """`arn:aws:...` → `{"Fn::Sub": "arn:${AWS::Partition}:..."}`; anything else unchanged
    (the rules report what is not an ARN)."""
    partition = ARN_PARTITION.match(arn)
    if partition is None:
        return arn
    return {"Fn::Sub": "arn:${AWS::Partition}:" + arn[partition.end():]}
