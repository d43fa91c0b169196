"""The limits held against the machine-readable sources AWS tooling ships, instead of restated:
botocore's service models (the ranges and patterns of each API) and cfn-lint's CloudFormation
resource schemas. Where neither carries a limit (account quotas, the 4 KB environment, the
CloudFormation template limits), the quota's AWS documentation URL is its only source and
`test_quotas.py` checks that it has one. Both are read here, in the tests; lambdakit itself
never imports them."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import botocore.session
import pytest
from cfnlint.schema import PROVIDER_SCHEMA_MANAGER

from lambdakit.limits import arns
from lambdakit.limits import quotas as q
from lambdakit.limits.naming import NAME_RULES


@cache
def _session() -> botocore.session.Session:
    return botocore.session.get_session()


def _api(service: str, operation: str, *path: str) -> dict[str, Any]:
    """The constraints (min, max, pattern) of one input member of an operation: `[]` steps
    into a list's member, any other step into a structure's member."""
    shape = _session().get_service_model(service).operation_model(operation).input_shape
    for step in path:
        shape = shape.member if step == "[]" else shape.members[step]  # type: ignore[attr-defined]
    return dict(shape.metadata)


def _cfn(resource_type: str, *path: str) -> dict[str, Any]:
    """One property of a resource type's schema, as cfn-lint ships it (us-east-1), `$ref`s
    followed."""
    schema = PROVIDER_SCHEMA_MANAGER.get_resource_schema("us-east-1", resource_type).schema
    node: dict[str, Any] = schema
    for step in path:
        node = node["items"] if step == "[]" else node["properties"][step]
        while "$ref" in node:
            node = schema["definitions"][node["$ref"].rsplit("/", 1)[-1]]
    return node


# --------------------------------------------------------------------------- ranges
# (quota, "min" or "max", (service, operation, member path...)): the quota equals the API's bound.
API_BOUNDS: list[tuple[q.Quota, str, tuple[str, ...]]] = [
    (q.MEMORY_MIN_MB, "min", ("lambda", "CreateFunction", "MemorySize")),
    (q.TIMEOUT_MIN_S, "min", ("lambda", "CreateFunction", "Timeout")),
    (q.EPHEMERAL_STORAGE_MIN_MB, "min", ("lambda", "CreateFunction", "EphemeralStorage", "Size")),
    (q.DESCRIPTION_MAX_CHARS, "max", ("lambda", "CreateFunction", "Description")),
    (q.HANDLER_MAX_CHARS, "max", ("lambda", "CreateFunction", "Handler")),
    (q.VPC_SUBNETS_MAX, "max", ("lambda", "CreateFunction", "VpcConfig", "SubnetIds")),
    (q.VPC_SECURITY_GROUPS_MAX, "max",
     ("lambda", "CreateFunction", "VpcConfig", "SecurityGroupIds")),
    (q.EFS_MOUNT_PATH_MAX_CHARS, "max",
     ("lambda", "CreateFunction", "FileSystemConfigs", "[]", "LocalMountPath")),
    (q.SQS_BATCH_SIZE_MAX, "max", ("lambda", "CreateEventSourceMapping", "BatchSize")),
    (q.STREAM_BATCH_SIZE_MAX, "max", ("lambda", "CreateEventSourceMapping", "BatchSize")),
    (q.BROKER_BATCH_SIZE_MAX, "max", ("lambda", "CreateEventSourceMapping", "BatchSize")),
    (q.BATCHING_WINDOW_MAX_S, "max",
     ("lambda", "CreateEventSourceMapping", "MaximumBatchingWindowInSeconds")),
    (q.SQS_MAXIMUM_CONCURRENCY_MIN, "min",
     ("lambda", "CreateEventSourceMapping", "ScalingConfig", "MaximumConcurrency")),
    (q.SQS_MAXIMUM_CONCURRENCY_MAX, "max",
     ("lambda", "CreateEventSourceMapping", "ScalingConfig", "MaximumConcurrency")),
    (q.STREAM_PARALLELIZATION_MAX, "max",
     ("lambda", "CreateEventSourceMapping", "ParallelizationFactor")),
    (q.STREAM_RETRY_ATTEMPTS_MAX, "max",
     ("lambda", "CreateEventSourceMapping", "MaximumRetryAttempts")),
    (q.STREAM_RECORD_AGE_MAX_S, "max",
     ("lambda", "CreateEventSourceMapping", "MaximumRecordAgeInSeconds")),
    (q.STREAM_TUMBLING_WINDOW_MAX_S, "max",
     ("lambda", "CreateEventSourceMapping", "TumblingWindowInSeconds")),
    (q.FILTER_PATTERN_MAX_CHARS, "max",
     ("lambda", "CreateEventSourceMapping", "FilterCriteria", "Filters", "[]", "Pattern")),
    (q.KAFKA_TOPIC_MAX_CHARS, "max", ("lambda", "CreateEventSourceMapping", "Topics", "[]")),
    (q.MQ_QUEUE_MAX_CHARS, "max", ("lambda", "CreateEventSourceMapping", "Queues", "[]")),
    (q.KAFKA_CONSUMER_GROUP_MAX_CHARS, "max",
     ("lambda", "CreateEventSourceMapping", "SelfManagedKafkaEventSourceConfig",
      "ConsumerGroupId")),
    (q.DOCDB_DATABASE_MAX_CHARS, "max",
     ("lambda", "CreateEventSourceMapping", "DocumentDBEventSourceConfig", "DatabaseName")),
    (q.DOCDB_COLLECTION_MAX_CHARS, "max",
     ("lambda", "CreateEventSourceMapping", "DocumentDBEventSourceConfig", "CollectionName")),
    (q.ASYNC_RETRY_MAX, "max",
     ("lambda", "PutFunctionEventInvokeConfig", "MaximumRetryAttempts")),
    (q.ASYNC_EVENT_AGE_MIN_S, "min",
     ("lambda", "PutFunctionEventInvokeConfig", "MaximumEventAgeInSeconds")),
    (q.ASYNC_EVENT_AGE_MAX_S, "max",
     ("lambda", "PutFunctionEventInvokeConfig", "MaximumEventAgeInSeconds")),
    (q.EVENT_SOURCE_TOKEN_MAX_CHARS, "max", ("lambda", "AddPermission", "EventSourceToken")),
    (q.LAYER_COMPATIBLE_RUNTIMES_MAX, "max",
     ("lambda", "PublishLayerVersion", "CompatibleRuntimes")),
    (q.LAYER_DESCRIPTION_MAX_CHARS, "max", ("lambda", "PublishLayerVersion", "Description")),
    (q.CORS_MAX_AGE_MAX_S, "max", ("lambda", "CreateFunctionUrlConfig", "Cors", "MaxAge")),
    (q.PROVISIONED_CONCURRENCY, "min",
     ("lambda", "PutProvisionedConcurrencyConfig", "ProvisionedConcurrentExecutions")),
    (q.IAM_ROLE_NAME_MAX_CHARS, "max", ("iam", "CreateRole", "RoleName")),
    (q.ARN_MAX_CHARS, "max", ("iam", "AttachRolePolicy", "PolicyArn")),
    (q.LOGS_FILTER_PATTERN_MAX_CHARS, "max", ("logs", "PutSubscriptionFilter", "filterPattern")),
    (q.LOG_GROUP_NAME_MAX_CHARS, "max", ("logs", "PutSubscriptionFilter", "logGroupName")),
    (q.EVENTBRIDGE_INPUT_MAX_CHARS, "max", ("events", "PutTargets", "Targets", "[]", "Input")),
    (q.EVENTBRIDGE_INPUT_MAX_CHARS, "max",
     ("events", "PutTargets", "Targets", "[]", "InputTransformer", "InputTemplate")),
    (q.EVENTBRIDGE_INPUT_PATH_MAX_CHARS, "max",
     ("events", "PutTargets", "Targets", "[]", "InputPath")),
    (q.EVENTBRIDGE_INPUT_PATHS_MAX, "max",
     ("events", "PutTargets", "Targets", "[]", "InputTransformer", "InputPathsMap")),
    (q.EVENTBRIDGE_RETRY_ATTEMPTS_MAX, "max",
     ("events", "PutTargets", "Targets", "[]", "RetryPolicy", "MaximumRetryAttempts")),
    (q.EVENTBRIDGE_EVENT_AGE_MIN_S, "min",
     ("events", "PutTargets", "Targets", "[]", "RetryPolicy", "MaximumEventAgeInSeconds")),
    (q.EVENTBRIDGE_EVENT_AGE_MAX_S, "max",
     ("events", "PutTargets", "Targets", "[]", "RetryPolicy", "MaximumEventAgeInSeconds")),
    (q.EVENTBRIDGE_RETRY_ATTEMPTS_MAX, "max",
     ("scheduler", "CreateSchedule", "Target", "RetryPolicy", "MaximumRetryAttempts")),
    (q.EVENTBRIDGE_EVENT_AGE_MAX_S, "max",
     ("scheduler", "CreateSchedule", "Target", "RetryPolicy", "MaximumEventAgeInSeconds")),
    (q.SCHEDULER_FLEXIBLE_WINDOW_MIN, "min",
     ("scheduler", "CreateSchedule", "FlexibleTimeWindow", "MaximumWindowInMinutes")),
    (q.SCHEDULER_FLEXIBLE_WINDOW_MAX, "max",
     ("scheduler", "CreateSchedule", "FlexibleTimeWindow", "MaximumWindowInMinutes")),
    (q.SCHEDULED_ACTION_NAME_MAX_CHARS, "max",
     ("application-autoscaling", "PutScheduledAction", "ScheduledActionName")),
    (q.TAG_KEY_MAX_CHARS, "max", ("cloudformation", "CreateStack", "Tags", "[]", "Key")),
    (q.TAG_VALUE_MAX_CHARS, "max", ("cloudformation", "CreateStack", "Tags", "[]", "Value")),
    (q.LAMBDA_TAGS_MAX, "max", ("resourcegroupstaggingapi", "TagResources", "Tags")),
    (q.SECRET_PASSWORD_LENGTH_MAX, "max",
     ("secretsmanager", "GetRandomPassword", "PasswordLength")),
]


@pytest.mark.parametrize(("quota", "bound", "member"), API_BOUNDS,
                         ids=[f"{'.'.join(m[1:])}-{b}" for _, b, m in API_BOUNDS])
def test_quota_is_the_api_bound(quota: q.Quota, bound: str, member: tuple[str, ...]) -> None:
    assert quota.value == _api(*member)[bound]


def test_lambda_managed_instances_allow_more_than_the_function_quotas() -> None:
    """CreateFunction's ranges include Lambda Managed Instances (memory to 32,768 MB, timeout to
    5,400 s, storage to 32,768 MB); the quotas page's limits for other functions lie inside."""
    for quota, member in ((q.MEMORY_MAX_MB, ("MemorySize",)), (q.TIMEOUT_MAX_S, ("Timeout",)),
                          (q.EPHEMERAL_STORAGE_MAX_MB, ("EphemeralStorage", "Size"))):
        assert quota.value < _api("lambda", "CreateFunction", *member)["max"], quota
    assert q.MEMORY_MIN_MB.value == _cfn("AWS::Lambda::Function", "MemorySize")["minimum"]
    assert q.TIMEOUT_MIN_S.value == _cfn("AWS::Lambda::Function", "Timeout")["minimum"]


def test_cloudformation_schemas_agree() -> None:
    assert list(q.LOG_RETENTION_ALLOWED_DAYS) == _cfn("AWS::Logs::LogGroup",
                                                      "RetentionInDays")["enum"]
    assert q.IAM_ROLE_NAME_MAX_CHARS.value == _cfn("AWS::IAM::Role", "RoleName")["maxLength"]
    invoke_config = "AWS::Lambda::EventInvokeConfig"
    assert q.ASYNC_RETRY_MAX.value == _cfn(invoke_config, "MaximumRetryAttempts")["maximum"]
    age = _cfn(invoke_config, "MaximumEventAgeInSeconds")
    assert (q.ASYNC_EVENT_AGE_MIN_S.value, q.ASYNC_EVENT_AGE_MAX_S.value) == (age["minimum"],
                                                                              age["maximum"])
    concurrency = _cfn("AWS::Lambda::EventSourceMapping", "ScalingConfig", "MaximumConcurrency")
    assert (q.SQS_MAXIMUM_CONCURRENCY_MIN.value, q.SQS_MAXIMUM_CONCURRENCY_MAX.value) == (
        concurrency["minimum"], concurrency["maximum"])
    assert q.CORS_MAX_AGE_MAX_S.value == _cfn("AWS::Lambda::Url", "Cors", "MaxAge")["maximum"]
    tag = ("AWS::Lambda::Function", "Tags", "[]")
    assert q.TAG_KEY_MAX_CHARS.value == _cfn(*tag, "Key")["maxLength"]
    assert q.TAG_VALUE_MAX_CHARS.value == _cfn(*tag, "Value")["maxLength"]


# (quota, "minimum" or "maximum", (resource type, property path...)): the schema's bound.
SCHEMA_BOUNDS: list[tuple[q.Quota, str, tuple[str, ...]]] = [
    (q.SQS_VISIBILITY_TIMEOUT_MAX_S, "maximum", ("AWS::SQS::Queue", "VisibilityTimeout")),
    (q.SQS_RETENTION_MIN_S, "minimum", ("AWS::SQS::Queue", "MessageRetentionPeriod")),
    (q.SQS_RETENTION_MAX_S, "maximum", ("AWS::SQS::Queue", "MessageRetentionPeriod")),
    (q.SQS_DELAY_MAX_S, "maximum", ("AWS::SQS::Queue", "DelaySeconds")),
    (q.KINESIS_RETENTION_MAX_HOURS, "maximum", ("AWS::Kinesis::Stream", "RetentionPeriodHours")),
    (q.KMS_PENDING_WINDOW_MIN_DAYS, "minimum", ("AWS::KMS::Key", "PendingWindowInDays")),
    (q.KMS_PENDING_WINDOW_MAX_DAYS, "maximum", ("AWS::KMS::Key", "PendingWindowInDays")),
    (q.SQS_BATCH_SIZE_MAX, "maximum", ("AWS::Lambda::EventSourceMapping", "BatchSize")),
    (q.BATCHING_WINDOW_MAX_S, "maximum",
     ("AWS::Lambda::EventSourceMapping", "MaximumBatchingWindowInSeconds")),
    (q.STREAM_TUMBLING_WINDOW_MAX_S, "maximum",
     ("AWS::Lambda::EventSourceMapping", "TumblingWindowInSeconds")),
]


@pytest.mark.parametrize(("quota", "bound", "where"), SCHEMA_BOUNDS,
                         ids=[f"{'.'.join(w)}-{b}" for _, b, w in SCHEMA_BOUNDS])
def test_quota_is_the_schema_bound(quota: q.Quota, bound: str, where: tuple[str, ...]) -> None:
    assert quota.value == _cfn(*where)[bound]


# --------------------------------------------------------------------------- names
def test_environment_variable_names_are_the_apis() -> None:
    """Ours spells the API's `[a-zA-Z]([a-zA-Z0-9_])+` without the group: the same names."""
    api = _session().get_service_model("lambda").shape_for("EnvironmentVariableName")
    for name in ("A", "AB", "a_1", "TABLE_NAME", "1A", "_A", "A-B", "A B", "AB_", "Ä1"):
        assert bool(re.fullmatch(q.ENV_VAR_NAME_PATTERN, name)) == bool(
            re.fullmatch(api.metadata["pattern"], name)), name


def test_function_name_is_the_schemas_bare_name() -> None:
    """cfn-lint's FunctionName pattern: a bare name or an ARN; the bare name is ours, and its
    length is FUNCTION_NAME_MAX_CHARS."""
    pattern = _cfn("AWS::Lambda::Function", "FunctionName")["pattern"]
    bare = re.match(r"^\^\((?P<bare>[^|]+)\|", pattern)
    assert bare is not None, pattern
    assert f"^{bare['bare']}$" == q.FUNCTION_NAME_PATTERN
    assert f"{{1,{q.FUNCTION_NAME_MAX_CHARS.value}}}" in q.FUNCTION_NAME_PATTERN
    assert NAME_RULES["function"].pattern == q.FUNCTION_NAME_PATTERN


# kind -> where the service's longest name is machine-readable: ("api", service, operation,
# member) or ("cfn", resource type, property). Queues, tables and parameters are documented
# only (the models' bounds there include ARNs or internal characters).
NAME_SOURCES: dict[str, tuple[str, ...]] = {
    "stream": ("api", "kinesis", "CreateStream", "StreamName"),
    "stream_consumer": ("api", "kinesis", "RegisterStreamConsumer", "ConsumerName"),
    "event_bus": ("api", "events", "CreateEventBus", "Name"),
    "secret": ("api", "secretsmanager", "CreateSecret", "Name"),
    "key": ("api", "kms", "CreateAlias", "AliasName"),
    "user_pool": ("api", "cognito-idp", "CreateUserPool", "PoolName"),
    "function": ("cfn", "AWS::Lambda::Function", "FunctionName"),
    "layer": ("cfn", "AWS::Lambda::LayerVersion", "LayerName"),
    "state_machine": ("cfn", "AWS::StepFunctions::StateMachine", "StateMachineName"),
    "topic": ("cfn", "AWS::SNS::Topic", "TopicName"),
    "bucket": ("cfn", "AWS::S3::Bucket", "BucketName"),
    "alias": ("api", "lambda", "CreateAlias", "Name"),
    "iam_policy": ("api", "iam", "CreatePolicy", "PolicyName"),
}


@pytest.mark.parametrize("kind", sorted(NAME_SOURCES))
def test_longest_name_is_the_services(kind: str) -> None:
    where, *member = NAME_SOURCES[kind]
    if where == "api":
        longest = _api(*member)["max"]
    else:
        node = _cfn(*member)
        longest = node.get("maxLength") or int(re.findall(r"\{1,(\d+)\}", node["pattern"])[0])
    assert NAME_RULES[kind].max_chars == longest


@pytest.mark.parametrize("kind", sorted(NAME_RULES))
def test_each_name_rule_takes_its_longest_name_and_no_longer(kind: str) -> None:
    rule = NAME_RULES[kind]
    prefix = "alias/" if kind == "key" else ""
    longest = prefix + "a" * (rule.max_chars - len(prefix))
    assert re.fullmatch(rule.pattern, longest)
    assert not re.fullmatch(rule.pattern, longest + "a")


# --------------------------------------------------------------------------- ARN shapes
def test_partitions_are_botocores() -> None:
    loader = _session().get_component("data_loader")
    partitions = {p["id"] for p in loader.load_data("partitions")["partitions"]}
    assert set(arns.PARTITIONS) == partitions


def test_setting_arns_are_the_api_patterns() -> None:
    """The patterns of the ARNs a function's settings take accept what the API's own patterns
    accept, for an example of each."""
    examples = {
        arns.CODE_SIGNING_CONFIG_ARN: (
            ("CreateFunction", "CodeSigningConfigArn"),
            "arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-0123456789abcdef0"),
        arns.ACCESS_POINT_ARN: (
            ("CreateFunction", "FileSystemConfigs", "[]", "Arn"),
            "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123456789abcdef0"),
        arns.RUNTIME_VERSION_ARN: (
            ("PutRuntimeManagementConfig", "RuntimeVersionArn"),
            "arn:aws:lambda:us-east-1::runtime:0123456789abcdef"),
    }
    for ours, (member, example) in examples.items():
        assert re.fullmatch(_api("lambda", *member)["pattern"], example), member
        assert ours.fullmatch(example), member
