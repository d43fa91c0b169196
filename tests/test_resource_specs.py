"""lambdakit writes its resources as plain data; troposphere's resource specifications check them
here instead of at synth time: every resource of every golden and example whose type troposphere
knows is accepted by troposphere's own validation (property names, types, required properties,
its validators), and troposphere writes back exactly what lambdakit wrote."""

from __future__ import annotations

import importlib
import json
import pkgutil
from functools import cache
from pathlib import Path
from typing import Any, ClassVar

import pytest
import troposphere
from troposphere import AWSObject, AWSProperty, GenericHelperFn, Tags, serverless

from lambdakit.cli.loader import load_app
from lambdakit.compile import compile_app
from lambdakit.compile.plain import template_data
from lambdakit.plan import plan_app

TESTS = Path(__file__).resolve().parent
APPS = sorted((TESTS / "goldens").glob("*/app.py")) + sorted(
    (TESTS.parent / "examples").glob("*/app.py"))
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


@pytest.mark.parametrize("app_file", APPS, ids=[p.parent.name for p in APPS])
def test_troposphere_accepts_every_resource(app_file: Path) -> None:
    template = template_data(compile_app(plan_app(load_app(str(app_file))),
                                         app_file.parent).template)
    for logical_id, resource in template["Resources"].items():
        assert resource["Type"] in resource_classes(), "a type troposphere does not know"
        written = troposphere_writes(logical_id, resource)
        assert json.dumps(written, sort_keys=True) == json.dumps(resource, sort_keys=True), \
            logical_id


def test_a_misspelled_property_is_refused() -> None:
    queue = {"Type": "AWS::SQS::Queue", "Properties": {"VisibilityTimeout": 30}}
    assert troposphere_writes("Jobs", queue) == queue
    queue["Properties"] = {"VisibilityTimout": 30}
    with pytest.raises(AttributeError, match="VisibilityTimout"):
        troposphere_writes("Jobs", queue)


def test_a_missing_required_property_or_a_wrong_type_is_refused() -> None:
    with pytest.raises(ValueError, match="AssumeRolePolicyDocument required"):
        troposphere_writes("Role", {"Type": "AWS::IAM::Role", "Properties": {}})
    with pytest.raises(TypeError, match="QueueName"):
        troposphere_writes("Jobs", {"Type": "AWS::SQS::Queue",
                                    "Properties": {"QueueName": ["not", "text"]}})


def test_intrinsics_and_attributes_pass_through_unchanged() -> None:
    topic = {"Type": "AWS::SNS::Subscription", "DependsOn": ["JobsPolicy"],
             "DeletionPolicy": "Retain", "Metadata": {"checkov": {"skip": []}},
             "Properties": {"Protocol": "sqs", "Endpoint": {"Fn::GetAtt": ["Jobs", "Arn"]},
                            "TopicArn": {"Fn::Sub": ["${A}", {"A": {"Ref": "Topic"}}]}}}
    assert troposphere_writes("Sub", topic) == topic
