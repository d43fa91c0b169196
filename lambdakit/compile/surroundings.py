"""A function's surroundings as properties of its `AWS::Serverless::Function`: layers (the
layers themselves are emitted by `compile.layer`), VPC and file system."""

from __future__ import annotations

from typing import Any

from troposphere import ImportValue, Ref, serverless

from lambdakit.compile.intrinsics import cfn
from lambdakit.iam import partition_agnostic
from lambdakit.model import Function, Imported, Vpc


def surroundings_properties(fn: Function) -> dict[str, Any]:
    props: dict[str, Any] = {}
    if fn.layers:
        props["Layers"] = _layer_arns(fn)
    if fn.vpc is not None:
        props["VpcConfig"] = _vpc_config(fn.vpc)
    if fn.file_system is not None:
        mount = fn.file_system
        props["FileSystemConfigs"] = [serverless.FileSystemConfig(
            Arn=cfn(partition_agnostic(mount.access_point_arn)),
            LocalMountPath=mount.mount_path)]
    return props


def _layer_arns(fn: Function) -> list[Any]:
    """In the function's order (later layers overwrite earlier ones' files in /opt); an owned
    layer's `Ref` is its version ARN."""
    return [cfn(partition_agnostic(layer.existing_arn)) if layer.existing_arn is not None
            else Ref(layer.id) for layer in fn.layers]


def _vpc_config(vpc: Vpc) -> serverless.VPCConfig:
    config = serverless.VPCConfig(SubnetIds=[_id(v) for v in vpc.subnet_ids],
                                  SecurityGroupIds=[_id(v) for v in vpc.security_group_ids])
    if vpc.ipv6_allowed_for_dual_stack:
        config.Ipv6AllowedForDualStack = True
    return config


def _id(value: str | Imported) -> Any:
    return ImportValue(value.export_name) if isinstance(value, Imported) else value
