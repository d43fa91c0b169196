"""IAM checks shared by the tests: the offline IAM database parliament ships, ARN glob matching,
intrinsics resolved to plausible concrete ARNs, and parliament's analyzer.

The database is parliament's `iam_definition.json` (the AWS service authorization reference as
data): one entry per service prefix, with its privileges (each listing the resource types it
can be scoped to, `""` meaning "no resource type: only `*`") and its resource types (each with an
ARN template such as `arn:${Partition}:sqs:${Region}:${Account}:${QueueName}`).
"""

from __future__ import annotations

import functools
import importlib
import importlib.resources
import json
import re
import sys
import types
from collections.abc import Iterator
from typing import Any

PARTITION = "aws"
REGION = "us-east-1"
ACCOUNT = "123456789012"
STACK = "lambdakit-test"
PSEUDO_PARAMETERS = {
    "AWS::Partition": PARTITION,
    "AWS::Region": REGION,
    "AWS::AccountId": ACCOUNT,
    "AWS::StackName": STACK,
    "AWS::StackId": f"arn:{PARTITION}:cloudformation:{REGION}:{ACCOUNT}:stack/{STACK}/"
                    "2f0d2b30-c7a1-11f0-9c2e-0a1b2c3d4e5f",
    "AWS::URLSuffix": "amazonaws.com",
    "AWS::NoValue": "",
}
KMS_KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab"
STREAM_LABEL = "2026-11-22T00:00:00.000"
SECRET_SUFFIX = "-AbCdEf"  # Secrets Manager appends six random characters to each name


# ---------------------------------------------------------------- the IAM database


@functools.cache
def iam_database() -> dict[str, dict[str, Any]]:
    """Service prefix → service entry, read from parliament's package without importing it."""
    text = (importlib.resources.files("parliament") / "iam_definition.json").read_text("utf-8")
    return {service["prefix"]: service for service in json.loads(text)}


def privilege(action: str) -> dict[str, Any] | None:
    """The database entry of `service:Action` (case-insensitive, as IAM is), or None."""
    prefix, _, name = action.partition(":")
    service = iam_database().get(prefix.lower())
    if service is None:
        return None
    return next((p for p in service["privileges"]
                 if p["privilege"].lower() == name.lower()), None)


def resource_types(action: str) -> set[str]:
    """The resource types an action can be scoped to; `""` stands for "none, only `*`"."""
    entry = privilege(action)
    if entry is None:
        raise KeyError(f"{action} is not in the IAM database")
    return {t["resource_type"].rstrip("*") for t in entry["resource_types"]}


def arn_template(prefix: str, resource_type: str) -> str:
    """The ARN template of a resource type as a glob: each `${Variable}` becomes `*`."""
    for resource in iam_database()[prefix]["resources"]:
        if resource["resource"] == resource_type:
            return re.sub(r"\$\{[^}]*\}", "*", str(resource["arn"]))
    raise KeyError(f"{prefix} has no resource type {resource_type!r}")


def resource_types_covering(action: str, arn: str) -> set[str]:
    """The action's resource types whose ARN template overlaps the (globbed) ARN it is granted on.

    Empty means IAM would never match the grant: the action does nothing on that resource.
    """
    prefix = action.partition(":")[0].lower()
    return {rtype for rtype in resource_types(action) - {""}
            if globs_overlap(arn_template(prefix, rtype), arn)}


def globs_overlap(first: str, second: str) -> bool:
    """Whether two IAM ARN globs (`*` any run of characters, `?` one) match a common string.

    IAM's `*` crosses `:` and `/`, so `...:log-group:/aws/lambda/x:*` covers that log group's
    streams (`...:log-group:/aws/lambda/x:log-stream:s`).
    """

    @functools.cache
    def overlap(i: int, j: int) -> bool:
        if i == len(first) and j == len(second):
            return True
        if i < len(first) and first[i] == "*":
            return overlap(i + 1, j) or (j < len(second) and overlap(i, j + 1))
        if j < len(second) and second[j] == "*":
            return overlap(i, j + 1) or (i < len(first) and overlap(i + 1, j))
        if i == len(first) or j == len(second):
            return False
        a, b = first[i], second[j]
        return (a == b or "?" in (a, b)) and overlap(i + 1, j + 1)

    return overlap(0, 0)


# ---------------------------------------------------------------- intrinsics → concrete values

# Per resource type: the property holding its physical name, and how to build its attributes
# from that name. `Ref` uses the "Ref" entry.
_ARN = f"arn:{PARTITION}:{{service}}:{REGION}:{ACCOUNT}:"
_ATTRIBUTES: dict[str, tuple[str | None, dict[str, str]]] = {
    "AWS::SQS::Queue": ("QueueName", {
        "Arn": _ARN.format(service="sqs") + "{name}",
        "QueueName": "{name}",
        "QueueUrl": f"https://sqs.{REGION}.amazonaws.com/{ACCOUNT}/{{name}}",
        "Ref": f"https://sqs.{REGION}.amazonaws.com/{ACCOUNT}/{{name}}",
    }),
    "AWS::SNS::Topic": ("TopicName", {
        "TopicArn": _ARN.format(service="sns") + "{name}",
        "TopicName": "{name}",
        "Ref": _ARN.format(service="sns") + "{name}",
    }),
    "AWS::S3::Bucket": ("BucketName", {
        "Arn": f"arn:{PARTITION}:s3:::{{name}}",
        "Ref": "{name}",
    }),
    "AWS::DynamoDB::Table": ("TableName", {
        "Arn": _ARN.format(service="dynamodb") + "table/{name}",
        "StreamArn": _ARN.format(service="dynamodb") + f"table/{{name}}/stream/{STREAM_LABEL}",
        "Ref": "{name}",
    }),
    "AWS::Kinesis::Stream": ("Name", {
        "Arn": _ARN.format(service="kinesis") + "stream/{name}",
        "Ref": "{name}",
    }),
    # The consumer's ARN names its stream, which this table cannot know: a fixed stand-in.
    "AWS::Kinesis::StreamConsumer": ("ConsumerName", {
        "ConsumerARN": _ARN.format(service="kinesis") + "stream/source/consumer/{name}:1767225600",
    }),
    "AWS::Events::EventBus": ("Name", {
        "Arn": _ARN.format(service="events") + "event-bus/{name}",
        "Name": "{name}",
        "Ref": "{name}",
    }),
    "AWS::SecretsManager::Secret": ("Name", {
        "Id": _ARN.format(service="secretsmanager") + "secret:{name}" + SECRET_SUFFIX,
        "Ref": _ARN.format(service="secretsmanager") + "secret:{name}" + SECRET_SUFFIX,
    }),
    "AWS::SSM::Parameter": ("Name", {"Ref": "{name}", "Type": "String", "Value": "value"}),
    "AWS::KMS::Key": (None, {
        "Arn": _ARN.format(service="kms") + f"key/{KMS_KEY_ID}",
        "KeyId": KMS_KEY_ID,
        "Ref": KMS_KEY_ID,
    }),
    "AWS::KMS::Alias": ("AliasName", {"Ref": "{name}"}),
    # A log group's `Arn` attribute ends in `:*`, covering its log streams.
    "AWS::Logs::LogGroup": ("LogGroupName", {
        "Arn": _ARN.format(service="logs") + "log-group:{name}:*",
        "Ref": "{name}",
    }),
    "AWS::Lambda::Function": ("FunctionName", {
        "Arn": _ARN.format(service="lambda") + "function:{name}",
        "Ref": "{name}",
    }),
    "AWS::Lambda::Alias": ("Name", {
        "Ref": _ARN.format(service="lambda") + "function:fn:{name}",
    }),
    "AWS::StepFunctions::StateMachine": ("StateMachineName", {
        "Arn": _ARN.format(service="states") + "stateMachine:{name}",
        "Name": "{name}",
        "Ref": _ARN.format(service="states") + "stateMachine:{name}",
    }),
    "AWS::IAM::Role": ("RoleName", {
        "Arn": f"arn:{PARTITION}:iam::{ACCOUNT}:role/{{name}}",
        "RoleId": "AROAEXAMPLEROLEID1234",
        "Ref": "{name}",
    }),
    "AWS::CloudWatch::Alarm": ("AlarmName", {
        "Arn": _ARN.format(service="cloudwatch") + "alarm:{name}",
        "Ref": "{name}",
    }),
    "AWS::CodeDeploy::Application": ("ApplicationName", {"Ref": "{name}"}),
    "AWS::IAM::ManagedPolicy": ("ManagedPolicyName", {
        "Ref": f"arn:{PARTITION}:iam::{ACCOUNT}:policy/{{name}}",
    }),
}


class UnresolvableError(Exception):
    """An intrinsic this resolver does not know: extend `_ATTRIBUTES`, never guess."""


class Resolver:
    """Replaces CloudFormation intrinsics with concrete values for one (transformed) template.

    Resources get physical names the way CloudFormation makes them up (stack, logical id and a
    random-looking suffix) unless the template names them.
    """

    def __init__(self, template: dict[str, Any]) -> None:
        self.resources: dict[str, Any] = template.get("Resources", {})
        self.parameters: dict[str, Any] = template.get("Parameters", {})

    def resolve(self, value: Any) -> Any:
        if isinstance(value, list):
            return [self.resolve(item) for item in value]
        if not isinstance(value, dict):
            return value
        if len(value) == 1:
            (key, argument), = value.items()
            if key == "Ref":
                return self.ref(argument)
            if key == "Fn::GetAtt":
                logical_id, attribute = (argument.split(".", 1) if isinstance(argument, str)
                                         else argument)
                return self.attribute(logical_id, attribute)
            if key == "Fn::Sub":
                return self.sub(argument)
            if key == "Fn::Join":
                delimiter, items = argument
                return str(delimiter).join(str(self.resolve(item)) for item in items)
            if key == "Fn::Select":
                index, items = argument
                return self.resolve(items)[int(index)]
            if key == "Fn::Split":
                delimiter, text = argument
                return str(self.resolve(text)).split(delimiter)
            if key == "Fn::ImportValue":
                # Another stack's export (a subnet id): a stand-in named after the export.
                return f"imported-{self.resolve(argument)}"
            if key.startswith("Fn::") or key == "Condition":
                raise UnresolvableError(f"{key} is not supported: {value}")
        return {key: self.resolve(item) for key, item in value.items()}

    def ref(self, name: str) -> str:
        if name in PSEUDO_PARAMETERS:
            return PSEUDO_PARAMETERS[name]
        if name in self.parameters:
            parameter = self.parameters[name]
            return str(parameter.get("Default", f"{name.lower()}-value"))
        return self.attribute(name, "Ref")

    def attribute(self, logical_id: str, attribute: str) -> str:
        if logical_id not in self.resources:
            raise UnresolvableError(f"no resource {logical_id} in the template")
        rtype = self.resources[logical_id]["Type"]
        if rtype not in _ATTRIBUTES:
            raise UnresolvableError(f"resource type {rtype} ({logical_id}) is not known here")
        _, attributes = _ATTRIBUTES[rtype]
        if attribute not in attributes:
            raise UnresolvableError(f"{rtype} attribute {attribute} is not known here")
        return attributes[attribute].format(name=self.physical_name(logical_id))

    def physical_name(self, logical_id: str) -> str:
        resource = self.resources[logical_id]
        name_property, _ = _ATTRIBUTES[resource["Type"]]
        given = resource.get("Properties", {}).get(name_property) if name_property else None
        if given is not None:
            return str(self.resolve(given))
        if resource["Type"] == "AWS::Logs::LogGroup":
            return f"/aws/lambda/{STACK}-{logical_id}"
        generated = f"{STACK}-{logical_id}-1A2B3C4D5E6F"
        if resource["Type"] == "AWS::S3::Bucket":
            return generated.lower()
        if resource["Type"] == "AWS::SQS::Queue" and \
                resource.get("Properties", {}).get("FifoQueue"):
            return generated + ".fifo"
        return generated

    def sub(self, argument: str | list[Any]) -> str:
        if isinstance(argument, str):
            text, variables = argument, {}
        else:
            text, variables = argument[0], argument[1]

        def replace(match: re.Match[str]) -> str:
            name = match.group(1)
            if name.startswith("!"):
                return "${" + name[1:] + "}"
            if name in variables:
                return str(self.resolve(variables[name]))
            if "." in name and not name.startswith("AWS::"):
                logical_id, attribute = name.split(".", 1)
                return self.attribute(logical_id, attribute)
            return self.ref(name)

        return re.sub(r"\$\{([^}]+)\}", replace, text)


# ---------------------------------------------------------------- policies of a template


def iam_policies(template: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(where, policy document) for each identity policy of a CloudFormation template: the
    inline policies of every role, every managed policy and every role policy declared as a
    resource of its own (`AWS::IAM::Policy`), intrinsics unresolved."""
    for logical_id, resource in template.get("Resources", {}).items():
        properties = resource.get("Properties", {})
        if resource.get("Type") == "AWS::IAM::Role":
            for policy in properties.get("Policies", []):
                yield f"{logical_id}/{policy.get('PolicyName')}", policy["PolicyDocument"]
        elif resource.get("Type") in ("AWS::IAM::ManagedPolicy", "AWS::IAM::Policy"):
            yield logical_id, properties["PolicyDocument"]


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


# ---------------------------------------------------------------- parliament


@functools.cache
def parliament() -> types.ModuleType:
    """parliament, imported even where setuptools no longer ships `pkg_resources`.

    parliament 1.6.4 calls `pkg_resources.resource_filename` at import to find its data files;
    setuptools 82 removed `pkg_resources` (duo-labs/parliament#247, open), and Python 3.12+
    venvs have no setuptools at all. A stand-in with that one function is installed only for
    the import, and only when `pkg_resources` is not already loaded.
    """
    if "pkg_resources" in sys.modules:
        return importlib.import_module("parliament")
    shim = types.ModuleType("pkg_resources")
    shim.resource_filename = (  # type: ignore[attr-defined]
        lambda package, name: str(importlib.resources.files(package) / name))
    sys.modules["pkg_resources"] = shim
    try:
        return importlib.import_module("parliament")
    finally:
        del sys.modules["pkg_resources"]


def parliament_findings(policy: dict[str, Any]) -> list[str]:
    """Every finding of parliament on a concrete policy, community auditors included, no
    severity filter, as `ISSUE: detail` (locations left out: they are columns of one line)."""
    analyzed = parliament().analyze_policy_string(json.dumps(policy),
                                                  include_community_auditors=True)
    return sorted(f"{f.issue}: {f.detail}" for f in analyzed.findings)


# ---------------------------------------------------------------- an app with every grant


def every_grant_app() -> tuple[Any, list[tuple[str, str, Any]]]:
    """An app whose function `Everything` holds every access level of every kind, on owned
    resources (some encrypted with a customer key) and on existing ones by name and by ARN,
    with and without prefixes; plus `(kind, access, grant)` for each grant. Code paths are
    relative to this file (`tests/`)."""
    from lambdakit import (
        App,
        Bucket,
        EventBus,
        Function,
        Index,
        Key,
        Parameter,
        Queue,
        Secret,
        StateMachine,
        Stream,
        Table,
        Topic,
    )

    key = Key(id="DataKey", name="alias/every-grant")
    target = Function(id="Target", handler="svc.handler.handle", code="goldens/_code",
                      runtime="python3.13")
    grants: list[tuple[str, str, Any]] = []
    for queue in [Queue(id="Inbox"), Queue(id="Ledger", fifo=True, key=key),
                  Queue.existing(name="legacy-queue"),
                  Queue.existing(arn="arn:aws:sqs:eu-west-1:123456789012:remote-queue")]:
        grants += [("queue", "send", queue.send()), ("queue", "consume", queue.consume())]
    for table in [Table(id="Orders", partition_key="pk", sort_key="sk",
                        stream="NEW_AND_OLD_IMAGES", key=key,
                        indexes=[Index(name="byCustomer", partition_key="customer")]),
                  Table.existing(name="legacy-table")]:
        grants += [("table", "read", table.read()), ("table", "write", table.write()),
                   ("table", "read_write", table.read_write()),
                   ("table", "read_stream", table.read_stream())]
    for bucket in [Bucket(id="Uploads"), Bucket.existing(name="legacy-bucket")]:
        grants += [("bucket", "read", bucket.read()), ("bucket", "write", bucket.write()),
                   ("bucket", "delete", bucket.delete()),
                   ("bucket", "read", bucket.read(prefix="incoming/")),
                   ("bucket", "write", bucket.write(prefix="out/")),
                   ("bucket", "delete", bucket.delete(prefix="tmp/"))]
    for topic in [Topic(id="Alerts"), Topic(id="Private", key=key),
                  Topic.existing(name="legacy-topic")]:
        grants.append(("topic", "publish", topic.publish()))
    for bus in [EventBus(id="Bus"), EventBus.existing(name="legacy-bus")]:
        grants.append(("event_bus", "put", bus.put()))
    for stream in [Stream(id="Clicks"), Stream(id="Payments", key=key),
                   Stream.existing(name="legacy-stream")]:
        grants += [("stream", "read", stream.read()), ("stream", "write", stream.write())]
    for secret in [Secret(id="DbPassword"), Secret(id="ApiToken", key=key),
                   Secret.existing(name="legacy/secret")]:
        grants.append(("secret", "read", secret.read()))
    for parameter in [Parameter(id="Config", name="/every/config", value="{}"),
                      Parameter(id="Unnamed", value="x"),
                      Parameter.existing(name="/legacy/parameter")]:
        grants.append(("parameter", "read", parameter.read()))
    grants += [("key", "encrypt", key.encrypt()), ("key", "decrypt", key.decrypt())]
    for invoke in [target.invoke(), Function.existing(name="legacy-function").invoke(),
                   Function.existing(arn="arn:aws:lambda:eu-west-1:123456789012:function:f")
                   .invoke()]:
        grants.append(("function", "invoke", invoke))
    for machine in [StateMachine.existing(name="flow"),
                    StateMachine.existing(name="express-flow", express=True)]:
        grants.append(("state_machine", machine.start().access, machine.start()))
    everything = Function(id="Everything", handler="svc.handler.handle", code="goldens/_code",
                          runtime="python3.13", grants=[grant for _, _, grant in grants])
    return App(name="every-grant", functions=[everything, target]), grants
