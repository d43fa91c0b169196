"""A function's surroundings as properties of its `AWS::Serverless::Function`: layers (the
layers themselves are emitted by `compile.layer`), VPC and file system; and how its code is
packaged (a .zip of a directory, or a container image). Plain data, like the function they
are part of (`compile.function`)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from lambdakit.compile.plain import plain
from lambdakit.iam import partition_agnostic
from lambdakit.model import Function, Imported, Vpc
from lambdakit.model.provisioned import provisioned_bounds

RUNTIME_UPDATE_MODES = {"auto": "Auto", "function_update": "FunctionUpdate", "manual": "Manual"}


def package_properties(fn: Function, base_dir: Path) -> dict[str, Any]:
    """`base_dir`: where the template lives (code paths are written relative to it)."""
    if fn.image_uri is None:
        return {"Handler": fn.handler, "Runtime": fn.runtime,
                "CodeUri": relative_posix(fn.code_path(), base_dir)}
    props: dict[str, Any] = {"PackageType": "Image",
                             "ImageUri": {"Fn::Sub": fn.image_uri} if "${" in fn.image_uri
                             else fn.image_uri}
    config = {"Command": fn.image_command, "EntryPoint": fn.image_entry_point,
              "WorkingDirectory": fn.image_working_directory}
    if any(value is not None for value in config.values()):
        # Copied: the template must not share the construct's own lists.
        props["ImageConfig"] = {name: plain(value) for name, value in config.items()
                                if value is not None}
    return props


def relative_posix(path: Path, base_dir: Path) -> str:
    """`os.path.relpath(path, base_dir)` with '/' between parts. Code usually lives under the
    template's directory: then it is the path's tail, without relpath's walk of both."""
    text, base = str(path), str(base_dir)
    if text.startswith(base + os.sep) and ".." not in path.parts:
        relative = text[len(base) + 1:]
    else:
        relative = os.path.relpath(text, base)
    return relative.replace(os.sep, "/")


def surroundings_properties(fn: Function) -> dict[str, Any]:
    props: dict[str, Any] = {}
    if fn.layers:
        props["Layers"] = _layer_arns(fn)
    if fn.vpc is not None:
        props["VpcConfig"] = _vpc_config(fn.vpc)
    if fn.file_system is not None:
        mount = fn.file_system
        props["FileSystemConfigs"] = [{"Arn": partition_agnostic(mount.access_point_arn),
                                       "LocalMountPath": mount.mount_path}]
    if fn.code_signing_config_arn is not None:
        props["CodeSigningConfigArn"] = partition_agnostic(fn.code_signing_config_arn)
    if fn.runtime_updates is not None:
        props["RuntimeManagementConfig"] = _runtime_management(fn)
    if fn.alias is not None:
        props["AutoPublishAlias"] = fn.alias
        # A new version for any change (environment, memory, layers), not only for new code.
        props["AutoPublishAliasAllProperties"] = True
    if fn.snap_start:
        props["SnapStart"] = {"ApplyOn": "PublishedVersions"}
    provisioned = provisioned_bounds(fn.provisioned_concurrency)
    if provisioned is not None:
        # SAM sets it on the alias it publishes, so every new version is warmed before the
        # alias moves to it; with auto scaling, at the minimum (`compile.scaling`).
        props["ProvisionedConcurrencyConfig"] = {
            "ProvisionedConcurrentExecutions": provisioned[0]}
    return props


def _runtime_management(fn: Function) -> dict[str, Any]:
    config: dict[str, Any] = {"UpdateRuntimeOn": RUNTIME_UPDATE_MODES[fn.runtime_updates or "auto"]}
    if fn.runtime_version_arn is not None:
        config["RuntimeVersionArn"] = partition_agnostic(fn.runtime_version_arn)
    return config


def _layer_arns(fn: Function) -> list[Any]:
    """In the function's order (later layers overwrite earlier ones' files in /opt); an owned
    layer's `Ref` is its version ARN."""
    return [partition_agnostic(layer.existing_arn) if layer.existing_arn is not None
            else {"Ref": layer.id} for layer in fn.layers]


def _vpc_config(vpc: Vpc) -> dict[str, Any]:
    config: dict[str, Any] = {"SubnetIds": [_id(v) for v in vpc.subnet_ids],
                              "SecurityGroupIds": [_id(v) for v in vpc.security_group_ids]}
    if vpc.ipv6_allowed_for_dual_stack:
        config["Ipv6AllowedForDualStack"] = True
    return config


def _id(value: str | Imported) -> Any:
    return {"Fn::ImportValue": value.export_name} if isinstance(value, Imported) else value
