"""Stand-ins for what only a deploy knows: the names and ARNs CloudFormation would give the
function and the resources it references, in the fixed account and region of the sample events.

Existing resources keep what the app says about them (their ARN or name is known); owned ones
get the name CloudFormation would generate (`lambdakit-app-Orders-1A2B3C4D5E6F`), so a handler
that reads `ORDERS_TABLE` sees a plausible value, never a real resource's.
"""

from __future__ import annotations

from lambdakit.events._samples import (
    SAMPLE_ACCOUNT,
    SAMPLE_REGION,
    SAMPLE_STACK,
    sample_arn,
    sample_id,
    sample_name,
    sample_uuid,
)
from lambdakit.model import Bucket, Construct, Function, Key, Queue, Ref, Resource

# The ARN's service and resource part of each kind, from the resource's name.
ARN_FORMATS: dict[str, tuple[str, str]] = {
    "queue": ("sqs", "{name}"),
    "topic": ("sns", "{name}"),
    "table": ("dynamodb", "table/{name}"),
    "stream": ("kinesis", "stream/{name}"),
    "event_bus": ("events", "event-bus/{name}"),
    "secret": ("secretsmanager", "secret:{name}-{suffix}"),  # six characters AWS appends
    "parameter": ("ssm", "parameter/{name}"),
    "function": ("lambda", "function:{name}"),
    "state_machine": ("states", "stateMachine:{name}"),
}


def function_name(fn: Function) -> str:
    """The physical name: given, or as CloudFormation generates it (stack-Id-SUFFIX)."""
    return fn.function_name or f"{SAMPLE_STACK}-{fn.id}-{sample_id(fn.id, 12).upper()}"


def function_arn(fn: Function) -> str:
    return sample_arn("lambda", f"function:{function_name(fn)}")


def log_group_name(fn: Function) -> str:
    """As compile names the function's log group."""
    if fn.function_name:
        return f"/aws/lambda/{fn.function_name}"
    return f"/aws/lambda/{SAMPLE_STACK}/{fn.id}"


def reference_value(ref: Ref) -> str:
    """What an environment variable holding `ref` would contain after a deploy."""
    target: Construct = ref.target
    if isinstance(target, Function):
        if ref.attribute == "Version":
            return f"{function_arn(target)}:1"  # the first version a deploy publishes
        return function_arn(target) if ref.attribute == "Arn" else function_name(target)
    assert isinstance(target, Resource)
    if ref.attribute == "Name":
        return resource_name(target)
    if ref.attribute == "Url":
        return queue_url(target)
    return resource_arn(target)


def queue_url(queue: Resource) -> str:
    """An existing queue's URL is in its own region and account, known from its ARN."""
    region, account = SAMPLE_REGION, SAMPLE_ACCOUNT
    if queue.existing_arn:
        region, account = queue.existing_arn.split(":")[3:5]
    return f"https://sqs.{region}.amazonaws.com/{account}/{resource_name(queue)}"


def resource_name(resource: Resource) -> str:
    name = sample_name(resource)
    if isinstance(resource, Queue) and resource.fifo and not name.endswith(".fifo"):
        name += ".fifo"
    return name


def resource_arn(resource: Resource) -> str:
    if resource.existing_arn:
        return resource.existing_arn
    name = resource_name(resource)
    if isinstance(resource, Bucket):
        return f"arn:aws:s3:::{name}"
    if isinstance(resource, Key):
        # A key's name is an alias; the key itself is known by a generated id.
        return sample_arn("kms", resource.existing_name or f"key/{sample_uuid(resource.id)}")
    service, pattern = ARN_FORMATS[resource.kind]
    suffix = sample_id(resource.id, 6)
    return sample_arn(service, pattern.format(name=name.lstrip("/"), suffix=suffix))
