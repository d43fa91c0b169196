"""A real AWS endpoint on 127.0.0.1: moto's server, started here, never the network.

boto3 talks HTTP to it exactly as to AWS (`AWS_ENDPOINT_URL`, fake credentials, no profile,
no instance metadata). moto has no SAM transform, so this server gets one: its change sets
run the real aws-sam-translator (`lambdakit.check.sam.sam_transform`) on a template that
declares the SAM transform, as CloudFormation does server-side; and gaps of moto's model are
filled where CloudFormation's behaviour is documented (outputs of a stack created by a change
set, DeletionPolicy Retain on an update's removals, a REST API built from its definition,
stand-ins for the types moto does not model but templates reference: CloudWatch alarms and
CodeDeploy's application, deployment groups and configurations).
Only moto's model is patched, never lambdakit's code or the request on the wire, so the deploy
code under test is exactly the one that talks to AWS.
"""

from __future__ import annotations

import contextlib
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from lambdakit.deploy import Aws, connect

REGION = "us-east-1"
SAM_TRANSFORM = "AWS::Serverless-2016-10-31"
RETAINING = frozenset({"Retain", "RetainExceptOnCreate"})
ISOLATING_VARIABLES = ("AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SESSION_TOKEN",
                       "AWS_SECURITY_TOKEN", "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE",
                       "AWS_REGION")


def _transforming(parse: Callable[[Any], None]) -> Callable[[Any], None]:
    """moto's `ChangeSet._parse_template`, followed by the SAM transform CloudFormation
    would apply before planning the change set."""
    from lambdakit.check.sam import sam_transform

    def parse_and_transform(change_set: Any) -> None:
        parse(change_set)
        if change_set.template_dict.get("Transform") == SAM_TRANSFORM:
            change_set.template_dict = sam_transform(change_set.template_dict,
                                                     region=change_set.stack.region_name)
    return parse_and_transform


def _with_outputs(apply: Callable[[Any], None]) -> Callable[[Any], None]:
    """moto's `ChangeSet.apply`, then the stack's outputs evaluated as CloudFormation does
    (moto leaves a stack created by a change set without them). Outputs that read attributes
    of types moto does not model (a function URL's) are left out: moto cannot compute them."""
    from moto.cloudformation.parsing import OutputMap

    def apply_and_evaluate_outputs(change_set: Any) -> None:
        apply(change_set)
        stack = change_set.stack
        template = change_set.template_dict
        stack.template_dict = template
        outputs = OutputMap(stack.resource_map, template, stack.stack_id)
        computable = {key: template["Outputs"][key] for key in outputs.outputs
                      if _computable(outputs, key)}
        stack.output_map = OutputMap(stack.resource_map, {**template, "Outputs": computable},
                                     stack.stack_id)
    return apply_and_evaluate_outputs


def _computable(outputs: Any, key: str) -> bool:
    try:
        outputs[key]
    except Exception:  # moto fails in many ways on what it does not model
        return False
    return True


def _built_from_definition(create: Callable[..., Any]) -> Callable[..., Any]:
    """moto's `RestAPI.create_from_cloudformation_json`, which requires `Name` and ignores
    `Body`; CloudFormation names the API after its definition's title and builds its methods
    from the definition (SAM's APIs are defined so)."""
    def create_from_definition(cls: Any, resource_name: str,
                               cloudformation_json: dict[str, Any], account_id: str,
                               region_name: str, **kwargs: Any) -> Any:
        from moto.apigateway.models import apigateway_backends

        properties = cloudformation_json["Properties"]
        definition = properties.get("Body")
        title = definition.get("info", {}).get("title") if definition else None
        properties.setdefault("Name", title or resource_name)
        api = create(resource_name, cloudformation_json, account_id, region_name, **kwargs)
        if definition:
            apigateway_backends[account_id][region_name].put_rest_api(
                api.id, definition, fail_on_warnings=False, mode="overwrite")
        return api
    return create_from_definition


def _keeping_retained(delete: Callable[[Any, Any, dict[str, Any]], None]
                      ) -> Callable[[Any, Any, dict[str, Any]], None]:
    """moto's `ResourceMap._delete_resource`, except that a resource with DeletionPolicy
    Retain stays, as CloudFormation keeps it when an update removes it from the stack (moto
    honours the policy only when the whole stack is deleted)."""
    def delete_unless_retained(resources: Any, parsed: Any, resource_json: dict[str, Any]
                               ) -> None:
        if resource_json.get("DeletionPolicy") not in RETAINING:
            delete(resources, parsed, resource_json)
    return delete_unless_retained


# Types moto 5 does not model, which a gradual deployment writes; {type: ARN pattern or None}.
STAND_INS: dict[str, str | None] = {
    "AWS::CloudWatch::Alarm": "arn:aws:cloudwatch:{region}:{account}:alarm:{name}",
    "AWS::CodeDeploy::Application": None,
    "AWS::CodeDeploy::DeploymentConfig": None,
    "AWS::CodeDeploy::DeploymentGroup": None,
}


class _StandIn:
    """A resource moto does not model: named as CloudFormation names it, with its ARN, so the
    references to it resolve (`Ref` is the name, `GetAtt Arn` the ARN). Nothing reads its
    behaviour: moto runs no deployments and evaluates no alarms."""

    arn_pattern: str | None = None

    def __init__(self, name: str, account_id: str, region_name: str) -> None:
        self.physical_resource_id = name
        self.arn = (self.arn_pattern.format(region=region_name, account=account_id, name=name)
                    if self.arn_pattern else None)

    @classmethod
    def create_from_cloudformation_json(cls, resource_name: str,
                                        cloudformation_json: dict[str, Any], account_id: str,
                                        region_name: str, **kwargs: Any) -> _StandIn:
        return cls(resource_name, account_id, region_name)

    @classmethod
    def update_from_cloudformation_json(cls, original_resource: _StandIn, new_resource_name: str,
                                        cloudformation_json: dict[str, Any], account_id: str,
                                        region_name: str) -> _StandIn:
        return original_resource

    @classmethod
    def delete_from_cloudformation_json(cls, resource_name: str,
                                        cloudformation_json: dict[str, Any], account_id: str,
                                        region_name: str) -> None:
        return None

    @classmethod
    def has_cfn_attr(cls, attr: str) -> bool:
        return attr == "Arn" and cls.arn_pattern is not None

    def get_cfn_attribute(self, attr: str) -> str:
        if attr == "Arn" and self.arn is not None:
            return self.arn
        from moto.cloudformation.exceptions import UnformattedGetAttTemplateException

        raise UnformattedGetAttTemplateException()

    def is_created(self) -> bool:
        return True


class _Alias:
    """`AWS::Lambda::Alias` (SAM's AutoPublishAlias), which moto's Lambda backend models but its
    CloudFormation does not: created, moved and deleted through that backend; `Ref` is the
    alias's ARN, as CloudFormation documents."""

    def __init__(self, arn: str, name: str, function_name: str) -> None:
        self.physical_resource_id = arn
        self.name, self.function_name = name, function_name

    @staticmethod
    def _backend(account_id: str, region_name: str) -> Any:
        from moto.awslambda.models import lambda_backends

        return lambda_backends[account_id][region_name]

    @classmethod
    def create_from_cloudformation_json(cls, resource_name: str,
                                        cloudformation_json: dict[str, Any], account_id: str,
                                        region_name: str, **kwargs: Any) -> _Alias:
        properties = cloudformation_json["Properties"]
        alias = cls._backend(account_id, region_name).create_alias(
            properties["Name"], properties["FunctionName"], properties["FunctionVersion"],
            properties.get("Description", ""), properties.get("RoutingConfig"))
        return cls(alias.arn, properties["Name"], properties["FunctionName"])

    @classmethod
    def update_from_cloudformation_json(cls, original_resource: _Alias, new_resource_name: str,
                                        cloudformation_json: dict[str, Any], account_id: str,
                                        region_name: str) -> _Alias:
        properties = cloudformation_json["Properties"]
        cls._backend(account_id, region_name).update_alias(
            original_resource.name, original_resource.function_name,
            properties["FunctionVersion"], properties.get("Description", ""),
            properties.get("RoutingConfig"))
        return original_resource

    def delete(self, account_id: str, region_name: str) -> None:
        from moto.awslambda.exceptions import UnknownFunctionException

        # The function may have gone first, and its aliases with it.
        with contextlib.suppress(UnknownFunctionException):
            self._backend(account_id, region_name).delete_alias(self.name, self.function_name)

    @classmethod
    def has_cfn_attr(cls, attr: str) -> bool:
        return False

    def is_created(self) -> bool:
        return True


def _with_stand_ins(find: Callable[[str], Any]) -> Callable[[str], Any]:
    """moto's `resource_class_from_type`, with a stand-in class for each type of STAND_INS and
    for aliases."""
    classes: dict[str, Any] = {
        kind: type(f"StandIn{kind.replace('::', '')}", (_StandIn,), {"arn_pattern": pattern})
        for kind, pattern in STAND_INS.items()}
    classes["AWS::Lambda::Alias"] = _Alias

    def find_or_stand_in(resource_type: str) -> Any:
        return classes.get(resource_type) or find(resource_type)
    return find_or_stand_in


def _version_attribute(version: Any, attr: str) -> str:
    """`GetAtt <version>.Version`: the version number, as CloudFormation documents it (moto's
    `LambdaVersion` has no attributes; an alias and a deployment's alarm read this one)."""
    if attr != "Version":
        from moto.cloudformation.exceptions import UnformattedGetAttTemplateException

        raise UnformattedGetAttTemplateException()
    return str(version.version)


# moto's own methods that fill_moto_gaps replaces and a test may want back, by name.
MOTO_ORIGINALS: dict[str, Any] = {}


def fill_moto_gaps(patch: pytest.MonkeyPatch) -> None:
    """The SAM transform, and what CloudFormation does that moto's model lacks."""
    from moto.apigateway.models import RestAPI
    from moto.awslambda.models import LambdaVersion
    from moto.cloudformation import parsing
    from moto.cloudformation.models import ChangeSet
    from moto.cloudformation.parsing import ResourceMap

    patch.setattr(ChangeSet, "_parse_template", _transforming(ChangeSet._parse_template))
    MOTO_ORIGINALS["ChangeSet.apply"] = ChangeSet.apply
    patch.setattr(ChangeSet, "apply", _with_outputs(ChangeSet.apply))
    patch.setattr(ResourceMap, "_delete_resource",
                  _keeping_retained(ResourceMap._delete_resource))
    patch.setattr(parsing, "resource_class_from_type",
                  _with_stand_ins(parsing.resource_class_from_type))
    patch.setattr(LambdaVersion, "get_cfn_attribute", _version_attribute, raising=False)
    patch.setattr(RestAPI, "create_from_cloudformation_json",
                  classmethod(_built_from_definition(RestAPI.create_from_cloudformation_json)))


@pytest.fixture(scope="session")
def aws_endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from moto.server import ThreadedMotoServer

    home = tmp_path_factory.mktemp("aws-home")
    with pytest.MonkeyPatch.context() as patch:
        for name in ISOLATING_VARIABLES:
            patch.delenv(name, raising=False)
        patch.setenv("AWS_ACCESS_KEY_ID", "testing")
        patch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
        patch.setenv("AWS_DEFAULT_REGION", REGION)
        patch.setenv("AWS_CONFIG_FILE", str(home / "config"))
        patch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(home / "credentials"))
        patch.setenv("AWS_EC2_METADATA_DISABLED", "true")
        fill_moto_gaps(patch)
        server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        server.start()
        host, port = server.get_host_and_port()
        url = f"http://{host}:{port}"
        patch.setenv("AWS_ENDPOINT_URL", url)
        try:
            yield url
        finally:
            server.stop()


@pytest.fixture
def aws(aws_endpoint: str) -> Aws:
    """Clients for a fresh, empty account."""
    reset = urllib.request.Request(f"{aws_endpoint}/moto-api/reset", method="POST")
    with urllib.request.urlopen(reset) as response:
        assert response.status == 200
    return connect(REGION)


@pytest.fixture
def plain_change_sets(aws_endpoint: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """moto's change sets as they come: a stack they create has no outputs, as on a plain
    local endpoint."""
    from moto.cloudformation.models import ChangeSet

    monkeypatch.setattr(ChangeSet, "apply", MOTO_ORIGINALS["ChangeSet.apply"])


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty project directory, made the working directory."""
    monkeypatch.chdir(tmp_path)
    return tmp_path
