"""Emit one function: the SAM function, its execution role, its log group and its outputs."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lambdakit.compile.deployment import deployment_properties, emit_deployment
from lambdakit.compile.events import sam_events
from lambdakit.compile.intrinsics import permissions_boundary_arn
from lambdakit.compile.plain import plain, tag_list
from lambdakit.compile.references import reference_value
from lambdakit.compile.scaling import emit_auto_scaling
from lambdakit.compile.surroundings import package_properties, surroundings_properties
from lambdakit.compile.template import Data, PlainData, Template
from lambdakit.iam import (
    Permission,
    literal_arn,
    partition_agnostic,
    trust_policy,
    wildcard_reasons,
)
from lambdakit.iam.size import (
    DEFERRED_POLICY_NAME,
    INLINE_POLICY_NAME,
    PolicyPlan,
    SizedStatement,
    deferred_policy_id,
    written_document,
)
from lambdakit.limits.quotas import ARN_MAX_CHARS
from lambdakit.model import Function, Resource
from lambdakit.model.refs import Ref as ModelRef
from lambdakit.plan import Plan
from lambdakit.plan.network import public_kafka_sources
from lambdakit.plan.secrets import holds_secret

TRACING_MODES = {"active": "Active", "pass_through": "PassThrough"}
# cfn-lint rules that report what a lambdakit warning reports; acknowledging the warning
# silences both, so a reviewed decision is not flagged twice.
LINT_EQUIVALENTS: dict[str, tuple[str, ...]] = {"LK121": ("W2531",)}
# SAM's `Type` of a destination, by the kind of its target.
DESTINATION_TYPES = {"queue": "SQS", "topic": "SNS", "event_bus": "EventBridge",
                     "function": "Lambda", "bucket": "S3Bucket"}
PSEUDO_PARAMETER = re.compile(r"(\$\{AWS::\w+\})")
LOG_GROUP_SKIPS = [
    {"id": "CKV_AWS_158", "comment": "CloudWatch Logs encrypts log data at rest with keys it "
                                     "owns; lambdakit does not manage a customer key here"},
]


def emit_function(template: Template, plan: Plan, fn: Function, base_dir: Path,
                  policies: PolicyPlan) -> None:
    """`policies` says which statements stay inline and which go to managed policies.

    Written as plain data: every value comes from checked constructs. All of it is built anew
    here (`PlainData`: `template_data` takes it without copying), but for a function with event
    sources, whose values the event families built and may hold elsewhere."""
    tags = dict(sorted({**plan.app.tags, **fn.tags}.items()))
    template.add_resource(_log_group(fn, tags))
    template.add_resource(_role(plan, fn, tags, policies))
    for policy in _managed_policies(fn, policies):
        template.add_resource(policy)
    if policies.deferred:
        template.add_resource(_deferred_policy(fn, policies))
    function = _function(plan, fn, tags, base_dir)
    template.add_resource(function)
    emit_deployment(template, plan, fn, tags)
    emit_auto_scaling(template, fn, tags)
    template.add_output(_output(fn.arn_output_id, f"ARN of {fn.id}",
                                {"Fn::GetAtt": [fn.id, "Arn"]}))
    template.add_output(_output(fn.name_output_id, f"Name of {fn.id}", {"Ref": fn.id}))
    if fn.alias is not None:
        # What callers outside the stack should invoke; SAM resolves `<id>.Alias` to its alias.
        template.add_output(_output(fn.alias_output_id, f"ARN of {fn.id}'s alias {fn.alias!r}",
                                    {"Ref": f"{fn.id}.Alias"}))
    for source in fn.live_events():  # a function URL's address
        for output_id, (description, value) in source.outputs(fn).items():
            template.add_output(_output(output_id, description, value))


def _output(title: str, description: str, value: Any) -> PlainData:
    return PlainData(title, {"Description": description, "Value": value})


def _log_group(fn: Function, tags: dict[str, str]) -> PlainData:
    if fn.function_name:
        name: Any = f"/aws/lambda/{fn.function_name}"
    else:
        # The stack name keeps the name unique per region without a circular reference.
        name = {"Fn::Sub": f"/aws/lambda/${{AWS::StackName}}/{fn.id}"}
    properties: dict[str, Any] = {"LogGroupName": name,
                                  "RetentionInDays": fn.logging.retention_days}
    if tags:
        properties["Tags"] = tag_list(tags)
    return PlainData(fn.log_group_id, {"Type": "AWS::Logs::LogGroup", "Properties": properties,
                                       "Metadata": {"checkov": {"skip": plain(LOG_GROUP_SKIPS)}}})


def _role(plan: Plan, fn: Function, tags: dict[str, str], policies: PolicyPlan) -> PlainData:
    permissions = policies.inline_permissions
    properties: dict[str, Any] = {
        "AssumeRolePolicyDocument": trust_policy(),
        "Policies": [{"PolicyName": INLINE_POLICY_NAME,
                      "PolicyDocument": _policy_document(policies.inline)}],
    }
    if plan.app.permissions_boundary:
        properties["PermissionsBoundary"] = permissions_boundary_arn(plan.app.permissions_boundary)
    if tags:
        properties["Tags"] = tag_list(tags)
    return _with_wildcards(PlainData(fn.role_id, {"Type": "AWS::IAM::Role",
                                                  "Properties": properties}), permissions)


def _policy_document(statements: Sequence[SizedStatement]) -> dict[str, Any]:
    """`written_document`, its resources copied: they are the permissions' own values, which
    the plan (kept per app) holds on to, and the template must not share them."""
    document = written_document(statements)
    for statement in document["Statement"]:
        statement["Resource"] = plain(statement["Resource"])
    return document


def _with_wildcards(resource: PlainData, permissions: list[Permission]) -> PlainData:
    """The recorded reason for each `*` resource, in the resource's Metadata."""
    reasons = wildcard_reasons(permissions)
    if reasons:
        resource.data["Metadata"] = {"lambdakit": {"wildcards": reasons}}
    return resource


def _deferred_policy(fn: Function, policies: PolicyPlan) -> PlainData:
    """Access to resources created after the function (a bucket that notifies it), attached
    to its role once they exist: in the role itself it would be a circular dependency."""
    permissions = policies.deferred_permissions
    # AWS::IAM::Policy: an inline policy of the role, as a resource of its own.
    return _with_wildcards(PlainData(deferred_policy_id(fn), {
        "Type": "AWS::IAM::Policy",
        "Properties": {"PolicyName": DEFERRED_POLICY_NAME, "Roles": [{"Ref": fn.role_id}],
                       "PolicyDocument": _policy_document(policies.deferred)},
    }), permissions)


def _managed_policies(fn: Function, policies: PolicyPlan) -> list[PlainData]:
    """The grants of a role whose inline policy would exceed IAM's limit, attached to it.
    No name: CloudFormation generates one, so the stack deploys twice in one account."""
    total = len(policies.managed)
    return [_with_wildcards(PlainData(policy_id, {
        "Type": "AWS::IAM::ManagedPolicy",
        "Properties": {
            "Description": f"Grants of {fn.id}, part {number} of {total} (its inline policy "
                           f"would exceed IAM's {policies.limits.inline_chars} characters)",
            "PolicyDocument": _policy_document(statements),
            "Roles": [{"Ref": fn.role_id}],
        },
    }), [p for statement in statements for p in statement.permissions])
        for number, (policy_id, statements)
        in enumerate(zip(policies.managed_policy_ids(), policies.managed, strict=True), start=1)]


def _function(plan: Plan, fn: Function, tags: dict[str, str], base_dir: Path) -> Data:
    props: dict[str, Any] = {
        **package_properties(fn, base_dir),
        "Architectures": [fn.architecture],
        "MemorySize": fn.memory,
        "Timeout": fn.timeout,
        "Role": {"Fn::GetAtt": [fn.role_id, "Arn"]},
        "Tracing": TRACING_MODES[fn.tracing],
        "LoggingConfig": _logging_config(fn),
        "RecursiveLoop": "Allow" if fn.allow_recursive_loop else "Terminate",
    }
    if fn.ephemeral_storage is not None:
        props["EphemeralStorage"] = {"Size": fn.ephemeral_storage}
    if fn.environment:
        props["Environment"] = {"Variables": _environment(fn)}
    if fn.description is not None:
        props["Description"] = fn.description
    if fn.function_name is not None:
        props["FunctionName"] = fn.function_name
    if tags:
        props["Tags"] = tags
        # Its versions, alias, event source mappings, CodeDeploy application and deployment
        # group, and the rest SAM generates, carry the tags too.
        props["PropagateTags"] = True
    if fn.reserved_concurrency is not None:
        props["ReservedConcurrentExecutions"] = fn.reserved_concurrency
    if fn.kms_key_arn is not None:
        props["KmsKeyArn"] = partition_agnostic(fn.kms_key_arn)
    if fn.has_async_settings():
        props["EventInvokeConfig"] = _event_invoke_config(fn)
    props.update(surroundings_properties(fn))
    props.update(deployment_properties(plan, fn))
    events, function_properties = sam_events(fn)
    if events:
        props["Events"] = events
    props.update(function_properties)
    # Event sources' values come from their families (`compile.events.resolve`): copied once.
    kind = Data if events or function_properties else PlainData
    return kind(fn.id, {
        "Type": "AWS::Serverless::Function",
        "Properties": props,
        "Metadata": _function_metadata(plan, fn, {**plan.app.acknowledge, **fn.acknowledge}),
    })


def _event_invoke_config(fn: Function) -> dict[str, Any]:
    """SAM's `EventInvokeConfig`: SAM emits it as an `AWS::Lambda::EventInvokeConfig`."""
    config: dict[str, Any] = {}
    destinations = {when: {"Type": DESTINATION_TYPES[target.kind],
                           "Destination": _destination_arn(target)}
                    for when, target in fn.destinations().items()}
    if destinations:
        config["DestinationConfig"] = destinations
    if fn.max_event_age is not None:
        config["MaximumEventAgeInSeconds"] = fn.max_event_age
    if fn.max_retry_attempts is not None:
        config["MaximumRetryAttempts"] = fn.max_retry_attempts
    return config


def _destination_arn(target: Resource | Function) -> Any:
    """The target's ARN. SAM resolves pseudo parameters inside this property itself, which
    would leave a partition-agnostic `Fn::Sub` with nothing to substitute (cfn-lint W1020);
    as an `Fn::Join` it resolves to the same ARN."""
    arn = reference_value(ModelRef(target, "Arn", ARN_MAX_CHARS.value))
    text = arn.get("Fn::Sub") if isinstance(arn, dict) and len(arn) == 1 else None
    if not isinstance(text, str):
        return arn
    parts = [{"Ref": part[2:-1]} if part.startswith("${") else part
             for part in PSEUDO_PARAMETER.split(text) if part]
    return {"Fn::Join": ["", parts]}


def _function_metadata(plan: Plan, fn: Function, acknowledge: dict[str, str]) -> dict[str, Any]:
    """Reasons travel with the template, in the forms checkov and cfn-lint read."""
    metadata: dict[str, Any] = {"checkov": {"skip": _function_skips(plan, fn, acknowledge)}}
    acknowledged = {code: reason for code, reason in sorted(acknowledge.items())
                    if reason.strip()}
    lint_ignores = sorted({rule for code in acknowledged
                           for rule in LINT_EQUIVALENTS.get(code, ())})
    if lint_ignores:
        metadata["cfn-lint"] = {"config": {"ignore_checks": lint_ignores}}
    own: dict[str, Any] = {}
    if acknowledged:
        own["acknowledged"] = acknowledged
    if fn.allow_recursive_loop:
        own["recursive_loop_allowed"] = fn.allow_recursive_loop
    if own:
        metadata["lambdakit"] = own
    return metadata


def _function_skips(plan: Plan, fn: Function, acknowledge: dict[str, str]) -> list[dict[str, str]]:
    """A skip is written only where its reason is true for this function; otherwise the
    finding stays, unless the user's acknowledged reason says why."""
    skips: list[dict[str, str]] = []
    if fn.vpc is None:
        network_reason = _no_vpc_reason(fn, acknowledge)
        if network_reason:  # none: public brokers, unacknowledged (LK115)
            skips.append({"id": "CKV_AWS_117", "comment": network_reason})
    if fn.reserved_concurrency is None:
        skips.append({"id": "CKV_AWS_115", "comment": "no reserved concurrency: reserving by "
                                                      "default takes capacity from the account's "
                                                      "shared pool; set reserved_concurrency= to "
                                                      "cap this function"})
    dead_letter_reason = _no_dead_letter_reason(plan, fn, acknowledge)
    if dead_letter_reason:  # none: failures are dropped, unacknowledged
        skips.append({"id": "CKV_AWS_116", "comment": dead_letter_reason})
    if fn.environment and fn.kms_key_arn is None and not _secrets_in_environment(fn):
        skips.append({"id": "CKV_AWS_173", "comment": "environment encrypted at rest with the "
                                                      "AWS-managed Lambda key; lambdakit refuses "
                                                      "literal secrets in it (LK113, LK114)"})
    for source in fn.live_events():
        skips.extend(source.scanner_skips())
    deprecated_runtime = acknowledge.get("LK121", "").strip()
    if deprecated_runtime:
        # What the user accepted for LK121 is what CKV_AWS_363 reports.
        skips.append({"id": "CKV_AWS_363", "comment": f"deprecated runtime {fn.runtime}, "
                                                      f"acknowledged (LK121): "
                                                      f"{deprecated_runtime}"})
    return skips


def _no_vpc_reason(fn: Function, acknowledge: dict[str, str]) -> str:
    public = public_kafka_sources(fn)
    if not public:
        return ("not attached to a VPC: it reaches only AWS APIs, which IAM protects; a VPC "
                "adds cost and cold starts without adding protection here")
    reason = acknowledge.get("LK115", "").strip()
    return (f"not attached to a VPC, and Lambda polls the Kafka brokers of {', '.join(public)} "
            f"over the internet, acknowledged (LK115): {reason}" if reason else "")


def _secrets_in_environment(fn: Function) -> bool:
    """Whether a variable holds a secret after all (a compile without the checks): then
    CKV_AWS_173's finding stays, since the skip's reason would be false."""
    return any(isinstance(value, str) and holds_secret(name, value)
               for name, value in fn.environment.items())


def _no_dead_letter_reason(plan: Plan, fn: Function, acknowledge: dict[str, str]) -> str:
    """Why a function-level DLQ (which catches only failed asynchronous invocations) is absent;
    empty when there is no true reason to give."""
    if fn.on_failure is not None:
        target = fn.on_failure
        return (f"no function-level DLQ: asynchronous invocations that fail every retry or "
                f"expire go to the on-failure destination {target.label()} "
                f"({DESTINATION_TYPES[target.kind]}), as records that hold the event and the "
                f"error (a DLQ would keep the event only)")
    if plan.async_callers(fn, acknowledge) or _invokers(plan, fn):
        reason = acknowledge.get("LK380", "").strip()
        return (f"no function-level DLQ and no on-failure destination: events that fail every "
                f"asynchronous retry are dropped, acknowledged (LK380): {reason}"
                if reason else "")
    polled = [source for source in fn.live_events() if source.invocation_mode() == "poll"]
    if polled:
        # Sources that take an on-failure destination (streams, Kafka) but have none.
        unguarded = [source.event_name() for source in polled
                     if "on_failure" in type(source).model_fields
                     and getattr(source, "on_failure", None) is None]
        if unguarded:
            reason = acknowledge.get("LK325", "").strip()
            return (f"no function-level DLQ: it catches only failed asynchronous invocations; "
                    f"records of {', '.join(unguarded)} that fail every retry are dropped, "
                    f"acknowledged (LK325): {reason}" if reason else "")
        return ("no function-level DLQ: it catches only failed asynchronous invocations; this "
                "function is invoked by event source mappings, whose failed records go to the "
                "source's own dead-letter queue or on-failure destination")
    return ("no function-level DLQ: it catches only failed asynchronous invocations, and "
            "nothing in this app invokes the function asynchronously")


def _invokers(plan: Plan, fn: Function) -> list[str]:
    """Functions of the app granted to invoke `fn`: each may invoke it asynchronously."""
    return plan.invokers.get(id(fn), [])


def _logging_config(fn: Function) -> dict[str, Any]:
    config: dict[str, Any] = {"LogFormat": fn.logging.format,
                              "LogGroup": {"Ref": fn.log_group_id}}
    application = fn.logging.effective_application_level()
    system = fn.logging.effective_system_level()
    if application:
        config["ApplicationLogLevel"] = application
    if system:
        config["SystemLogLevel"] = system
    return config


def _environment(fn: Function) -> dict[str, Any]:
    return {name: _env_value(value) for name, value in sorted(fn.environment.items())}


def _env_value(value: str | ModelRef) -> Any:
    if isinstance(value, str):
        return literal_arn(value)
    return reference_value(value)
