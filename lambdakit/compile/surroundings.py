"""A function's surroundings as properties of its `AWS::Serverless::Function`: layers (the
layers themselves are emitted by `compile.layer`)."""

from __future__ import annotations

from typing import Any

from troposphere import Ref

from lambdakit.compile.intrinsics import cfn
from lambdakit.iam import partition_agnostic
from lambdakit.model import Function


def surroundings_properties(fn: Function) -> dict[str, Any]:
    props: dict[str, Any] = {}
    if fn.layers:
        props["Layers"] = _layer_arns(fn)
    return props


def _layer_arns(fn: Function) -> list[Any]:
    """In the function's order (later layers overwrite earlier ones' files in /opt); an owned
    layer's `Ref` is its version ARN."""
    return [cfn(partition_agnostic(layer.existing_arn)) if layer.existing_arn is not None
            else Ref(layer.id) for layer in fn.layers]
