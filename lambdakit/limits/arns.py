"""The shapes of ARNs: the partitions, how long each part may grow, how an ARN of each kind is
built from a name and what one must look like, and the patterns of the ARNs a function's
settings take. Patterns are written as the services' API references write them.
"""

from __future__ import annotations

import re
from typing import Any

from lambdakit.limits import quotas as q
from lambdakit.limits.naming import NAME_RULES

# --------------------------------------------------------------------------- partitions
# Every AWS partition (botocore's data/partitions.json). An ARN may name any of them, but only
# `aws`, the spelling of every example, is written `${AWS::Partition}` (the stack's own): an ARN
# of another partition is kept as given, so it names exactly that resource, and in a stack of
# another partition nothing, rather than a resource of the same name in the deploying one.
PARTITIONS = ("aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f",
              "aws-eusc")
ARN_PARTITION = re.compile(r"^arn:aws:")

# --------------------------------------------------------------------------- part lengths
# The longest value each pseudo parameter in an ARN resolves to.
PARTITION_MAX_CHARS = max(len(partition) for partition in PARTITIONS)  # aws-us-gov
REGION_MAX_CHARS = 20  # the longest Region code today has 14 characters (ap-southeast-5)
ACCOUNT_ID_CHARS = 12
# arn:<partition>:lambda:<region>:<account>:function:<name>
FUNCTION_ARN_MAX_CHARS = (len("arn::lambda:::function:") + PARTITION_MAX_CHARS + REGION_MAX_CHARS
                          + ACCOUNT_ID_CHARS + q.FUNCTION_NAME_MAX_CHARS.value)
# A version's ARN: the function's, then `:` and the version number (at most 10 digits).
FUNCTION_VERSION_ARN_MAX_CHARS = FUNCTION_ARN_MAX_CHARS + 1 + 10

# --------------------------------------------------------------------------- by kind
# How each kind's ARN is built from a name, for `X.existing(name=...)`.
ARN_BY_NAME: dict[str, str] = {
    "queue": "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:{name}",
    "topic": "arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:{name}",
    "bucket": "arn:${AWS::Partition}:s3:::{name}",
    "table": "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/{name}",
    "stream": "arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}:stream/{name}",
    "event_bus": "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/{name}",
    # Secrets Manager appends six random characters to every secret's ARN.
    "secret": "arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}"
              ":secret:{name}-??????",
    "parameter": "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/{name}",
    "function": "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:{name}",
    "state_machine": "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}"
                     ":stateMachine:{name}",
}

# arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE, each part checked on its own (rules.resources).
ARN = re.compile(r"^arn:(?P<partition>[^:]*):(?P<service>[^:]*):"
                 r"(?P<region>\$\{AWS::Region\}|[^:]*):(?P<account>\$\{AWS::AccountId\}|[^:]*):"
                 r"(?P<resource>.+)$")
# A region or account may be left to CloudFormation (`${AWS::Region}`: a layer published in every
# region under one name). Bucket ARNs have neither: bucket names are global in a partition.
REGION = re.compile(r"^(?:[a-z]{2,4}(?:-[a-z]+)+-\d{1,2}|\$\{AWS::Region\})$")
ACCOUNT = re.compile(r"^(?:\d{12}|\$\{AWS::AccountId\})$")
GLOBAL_KINDS = frozenset({"bucket"})
# What an ARN of each kind looks like after the account: `<resource>` must match.
ARN_RESOURCE = {
    "queue": r"[A-Za-z0-9_.-]+", "topic": r"[A-Za-z0-9_.-]+", "bucket": r"[a-z0-9.-]+",
    "table": r"table/[A-Za-z0-9_.-]+", "stream": r"stream/[A-Za-z0-9_.-]+",
    "stream_consumer": r"stream/[A-Za-z0-9_.-]+/consumer/[A-Za-z0-9_.-]+:\d+",
    "event_bus": r"event-bus/[/.\-_A-Za-z0-9]+", "secret": r"secret:[A-Za-z0-9/_+=.@-]+",
    "parameter": r"parameter/[A-Za-z0-9_.\-/]+", "key": r"key/[A-Za-z0-9-]+",
    "function": r"function:[A-Za-z0-9_-]+(:[A-Za-z0-9$_-]+)?",
    "state_machine": r"stateMachine:[A-Za-z0-9_-]+",
    "layer": rf"layer:[A-Za-z0-9_-]{{1,{NAME_RULES['layer'].max_chars}}}:[0-9]+",
}
# How the ARN of each kind looks, for hints.
ARN_EXAMPLE = {
    "queue": "arn:aws:sqs:REGION:ACCOUNT:NAME", "topic": "arn:aws:sns:REGION:ACCOUNT:NAME",
    "bucket": "arn:aws:s3:::NAME", "table": "arn:aws:dynamodb:REGION:ACCOUNT:table/NAME",
    "stream": "arn:aws:kinesis:REGION:ACCOUNT:stream/NAME",
    "stream_consumer": "arn:aws:kinesis:REGION:ACCOUNT:stream/NAME/consumer/CONSUMER:TIMESTAMP",
    "event_bus": "arn:aws:events:REGION:ACCOUNT:event-bus/NAME",
    "secret": "arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME-SUFFIX",
    "parameter": "arn:aws:ssm:REGION:ACCOUNT:parameter/NAME",
    "key": "arn:aws:kms:REGION:ACCOUNT:key/KEY-ID",
    "function": "arn:aws:lambda:REGION:ACCOUNT:function:NAME",
    "state_machine": "arn:aws:states:REGION:ACCOUNT:stateMachine:NAME",
    "layer": "arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION",
}
ARN_PREFIX = re.compile(r"^arn:aws[a-z-]*:[a-z0-9-]+:")  # a raw statement's ARN

# --------------------------------------------------------------------------- function settings
IAM_POLICY_ARN = re.compile(r"^arn:aws[a-z-]*:iam::(\d{12}|aws):policy/[\w+=,.@/-]+$")
KMS_KEY_ARN = re.compile(r"^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(key|alias)/[\w/-]+$")
# CodeSigningConfigArn and RuntimeManagementConfig.RuntimeVersionArn (Lambda API reference).
CODE_SIGNING_CONFIG_ARN = re.compile(
    r"^arn:aws[a-zA-Z-]*:lambda:[a-z]{2}((-gov)|(-iso(b?)))?-[a-z]+-\d{1}:\d{12}"
    r":code-signing-config:csc-[a-z0-9]{17}$")
RUNTIME_VERSION_ARN = re.compile(
    r"^arn:aws[a-zA-Z-]*:lambda:[a-z]{2}((-gov)|(-iso(b?)))?-[a-z]+-\d{1}::runtime:.+$")
# FileSystemConfig.Arn (Lambda API reference).
ACCESS_POINT_ARN = re.compile(r"^arn:aws[a-zA-Z-]*:elasticfilesystem:[a-z]{2}((-gov)|(-iso(b?)))?"
                              r"-[a-z]+-\d{1}:\d{12}:access-point/fsap-[a-f0-9]{17}$")
# arn:aws:logs:REGION:ACCOUNT:log-group:NAME, with or without the trailing `:*`.
LOG_GROUP_ARN = re.compile(r"^arn:aws[a-z-]*:logs:(?P<region>[a-z0-9-]+):(?P<account>\d{12}):"
                           r"log-group:(?P<name>[^:*]+)(:\*)?$")


def partition_agnostic(arn: str) -> str | dict[str, Any]:
    """`arn:aws:...` → `{"Fn::Sub": "arn:${AWS::Partition}:..."}`; anything else unchanged: an
    ARN of another partition (`arn:aws-cn:...`) names exactly the resource it names, and what
    is not an ARN the rules report."""
    if not ARN_PARTITION.match(arn):
        return arn
    return {"Fn::Sub": ARN_PARTITION.sub("arn:${AWS::Partition}:", arn, count=1)}
