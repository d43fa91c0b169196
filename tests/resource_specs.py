"""troposphere's resource specifications, as the tests' check of the resources lambdakit writes
as plain data (compile imports no troposphere): `spec_refusals(template)` lists every resource
troposphere refuses, or would write differently from lambdakit."""

from __future__ import annotations

import importlib
import json
import pkgutil
from functools import cache
from typing import Any, ClassVar

import troposphere
from troposphere import AWSObject, AWSProperty, GenericHelperFn, Tags, serverless

ATTRIBUTES = ("Condition", "CreationPolicy", "DeletionPolicy", "DependsOn", "Metadata",
              "UpdatePolicy", "UpdateReplacePolicy")


class SamApi(serverless.Api):  # type: ignore[misc]
    """troposphere's SAM `Auth` types know a fixed set of authorizer names and no Lambda
    authorizer `Identity`: lambdakit writes the block itself, and the SAM transform (run on
    every golden) validates it."""

    props: ClassVar = {**serverless.Api.props, "Auth": (dict, False)}


class SamHttpApi(serverless.HttpApi):  # type: ignore[misc]
    """As `SamApi`; troposphere's `CorsConfiguration` lags SAM's too."""

    props: ClassVar = {**serverless.HttpApi.props, "Auth": (dict, False),
                       "CorsConfiguration": (dict, False)}


class FunctionLoggingConfig(AWSProperty):  # type: ignore[misc]
    """A function's `LoggingConfig`: troposphere 4.11's `awslambda.LoggingConfig`, which its
    function classes use, is generated from a `WebFunctionRevision`'s and lacks `LogFormat`
    (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-lambda-function-loggingconfig.html)."""

    props: ClassVar = {"ApplicationLogLevel": (str, False), "LogFormat": (str, False),
                       "LogGroup": (str, False), "SystemLogLevel": (str, False)}


class SamFunctionUrlConfig(serverless.FunctionUrlConfig):  # type: ignore[misc]
    """troposphere's lacks `InvokeMode` (BUFFERED or RESPONSE_STREAM)."""

    props: ClassVar = {**serverless.FunctionUrlConfig.props, "InvokeMode": (str, False)}


class SamDeploymentPreference(serverless.DeploymentPreference):  # type: ignore[misc]
    """troposphere's lacks `TriggerConfigurations` (CodeDeploy's notifications)."""

    props: ClassVar = {**serverless.DeploymentPreference.props,
                       "TriggerConfigurations": (list, False)}


class SamFunction(serverless.Function):  # type: ignore[misc]
    """`AWS::Serverless::Function` with the function's `LoggingConfig`, and what troposphere's
    SAM spec lacks: `RecursiveLoop`, `PropagateTags`, `AutoPublishAliasAllProperties`, a URL's
    `InvokeMode`, a deployment's `TriggerConfigurations`. Its `EventInvokeConfig` refuses the
    `S3Bucket` destination type: that block is left to the SAM transform (run on every
    golden)."""

    props: ClassVar = {**serverless.Function.props,
                       "LoggingConfig": (FunctionLoggingConfig, False),
                       "FunctionUrlConfig": (SamFunctionUrlConfig, False),
                       "DeploymentPreference": (SamDeploymentPreference, False),
                       "RecursiveLoop": (str, False),
                       "PropagateTags": (bool, False),
                       "AutoPublishAliasAllProperties": (bool, False),
                       "EventInvokeConfig": (dict, False)}


LAGGING = {cls.resource_type: cls for cls in (SamApi, SamHttpApi, SamFunction)}


@cache
def resource_classes() -> dict[str, type[AWSObject]]:
    """troposphere's resource class of each type it knows (SAM's included)."""
    classes: dict[str, type[AWSObject]] = {}
    for module in pkgutil.iter_modules(troposphere.__path__):
        if module.ispkg:  # helpers, validators, openstack: no AWS resource types
            continue
        loaded = importlib.import_module(f"troposphere.{module.name}")
        for value in vars(loaded).values():
            kind = getattr(value, "resource_type", None)
            if isinstance(value, type) and issubclass(value, AWSObject) and kind:
                classes.setdefault(kind, value)
    return {**classes, **LAGGING}


def helpers(value: Any) -> Any:
    """Intrinsic functions as troposphere's helpers, which its type checks take wherever a
    value is expected (as CloudFormation does)."""
    if isinstance(value, dict):
        if len(value) == 1 and _is_intrinsic(next(iter(value))):
            return GenericHelperFn(value)
        return {key: helpers(item) for key, item in value.items()}
    if isinstance(value, list):
        return [helpers(item) for item in value]
    return value


def _is_intrinsic(key: str) -> bool:
    return key == "Ref" or key.startswith("Fn::")


def troposphere_writes(logical_id: str, resource: dict[str, Any]) -> dict[str, Any]:
    """What troposphere writes for `resource` once it has validated it."""
    cls = resource_classes()[resource["Type"]]
    properties = helpers(resource.get("Properties", {}))
    if cls.props.get("Tags", (None,))[0] is Tags and isinstance(properties.get("Tags"), list):
        # troposphere takes a list of tags as its `Tags` only
        properties["Tags"] = Tags({tag["Key"]: tag["Value"] for tag in properties["Tags"]})
    built = cls.from_dict(logical_id, properties)
    for attribute in ATTRIBUTES:
        if attribute in resource:
            setattr(built, attribute, resource[attribute])
    written: dict[str, Any] = built.to_dict()  # validation on
    return written


def spec_refusals(template: dict[str, Any]) -> list[str]:
    """`<logical id>: <what troposphere said>` for each resource it refuses or would write
    otherwise; [] when it accepts every one."""
    refusals = []
    for logical_id, resource in template["Resources"].items():
        if resource["Type"] not in resource_classes():
            refusals.append(f"{logical_id}: troposphere does not know {resource['Type']}")
            continue
        try:
            written = troposphere_writes(logical_id, resource)
        except (AttributeError, TypeError, ValueError) as refused:
            refusals.append(f"{logical_id}: {refused}")
            continue
        if json.dumps(written, sort_keys=True) != json.dumps(resource, sort_keys=True):
            refusals.append(f"{logical_id}: troposphere writes {written}")
    return refusals
