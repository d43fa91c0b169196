"""Buckets, tables and streams: where data lives, so retained unless the user says otherwise."""

from __future__ import annotations

from typing import Any

from lambdakit.compile.resources.common import finish, key_arn, owned, retain
from lambdakit.compile.template import Template
from lambdakit.iam import arn_of
from lambdakit.model import Bucket, Stream, StreamConsumer, Table
from lambdakit.plan import Plan

AWS_MANAGED_KINESIS_KEY = "alias/aws/kinesis"
BUCKET_SKIPS = (
    ("CKV_AWS_18", "access logging needs a separate log bucket; enable CloudTrail S3 data events "
                   "for an audit trail of object access"),
    ("CKV_AWS_144", "cross-region replication is a disaster-recovery choice of the app's owner, "
                    "not a default"),
)
BUCKET_SSE_S3_SKIP = ("CKV_AWS_145", "encrypted at rest with S3-managed keys (SSE-S3); pass "
                                     "key= for SSE-KMS")
TABLE_AWS_KEY_SKIP = ("CKV_AWS_119", "encrypted at rest with the AWS-managed DynamoDB key; pass "
                                     "key= for a customer key")


def emit_bucket(template: Template, plan: Plan, bucket: Bucket) -> None:
    key = key_arn(bucket)
    if key is not None:
        default: dict[str, Any] = {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": key}
        rule: dict[str, Any] = {"ServerSideEncryptionByDefault": default, "BucketKeyEnabled": True}
    else:
        rule = {"ServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}
    properties: dict[str, Any] = {
        "BucketEncryption": {"ServerSideEncryptionConfiguration": [rule]},
        "OwnershipControls": {"Rules": [{"ObjectOwnership": "BucketOwnerEnforced"}]},
        "PublicAccessBlockConfiguration": {
            "BlockPublicAcls": True, "BlockPublicPolicy": True,
            "IgnorePublicAcls": True, "RestrictPublicBuckets": True,
        },
    }
    if bucket.is_versioned:
        properties["VersioningConfiguration"] = {"Status": "Enabled"}
    notifications = _notifications(plan, bucket)
    if notifications:
        properties["NotificationConfiguration"] = notifications
        # Named before it exists, even when the user left it unnamed: its invoke permissions
        # name it, and are created before it.
        properties["BucketName"] = _notified_bucket_name(bucket)
    elif bucket.name:
        properties["BucketName"] = bucket.name
    skips = BUCKET_SKIPS if key is not None else (*BUCKET_SKIPS, BUCKET_SSE_S3_SKIP)
    if bucket.without_versioning:
        # Turned off on purpose: the user's reason goes where scanners look.
        skips = (*skips, ("CKV_AWS_21", "versioning turned off: overwritten and deleted objects "
                                        f"are not recoverable; {bucket.without_versioning}"))
    resource = finish(bucket, plan, owned(bucket.id, "AWS::S3::Bucket", properties), skips=skips)
    template.add_resource(resource)
    arn = arn_of(bucket)
    policy = template.add_resource(owned(bucket.policy_id, "AWS::S3::BucketPolicy", {
        "Bucket": {"Ref": bucket.id},
        "PolicyDocument": {
            "Version": "2012-10-17",
            "Statement": [{
                "Sid": "DenyInsecureTransport",
                "Effect": "Deny",
                "Principal": "*",
                "Action": "s3:*",
                "Resource": [arn, {"Fn::Sub": "${" + bucket.id + ".Arn}/*"}],
                "Condition": {"Bool": {"aws:SecureTransport": "false"}},
            }],
        },
    }))
    # A retained bucket keeps its TLS-only policy: the data it holds outlives the stack, and so
    # must what protects it.
    if not bucket.delete_with_stack:
        retain(policy, "Retain")


def _notifications(plan: Plan, bucket: Bucket) -> dict[str, Any]:
    """The bucket's notifications of functions (the plan has it wait for their permissions:
    S3 checks each one as the notification is written)."""
    if not plan.notifications(bucket):
        return {}
    from lambdakit.compile.events.s3 import notification_configuration

    return notification_configuration(plan, bucket)


def _notified_bucket_name(bucket: Bucket) -> Any:
    from lambdakit.compile.events.s3 import bucket_name

    return bucket_name(bucket)


def emit_table(template: Template, plan: Plan, table: Table) -> None:
    assert table.partition_key is not None  # rules report an owned table without one (LK209)
    attributes: dict[str, str] = {table.partition_key: table.partition_key_type}
    key_schema = [{"AttributeName": table.partition_key, "KeyType": "HASH"}]
    if table.sort_key:
        attributes[table.sort_key] = table.sort_key_type
        key_schema.append({"AttributeName": table.sort_key, "KeyType": "RANGE"})
    indexes = []
    for index in table.indexes:
        attributes.setdefault(index.partition_key, index.partition_key_type)
        schema = [{"AttributeName": index.partition_key, "KeyType": "HASH"}]
        if index.sort_key:
            attributes.setdefault(index.sort_key, index.sort_key_type)
            schema.append({"AttributeName": index.sort_key, "KeyType": "RANGE"})
        indexes.append({"IndexName": index.name, "KeySchema": schema,
                        "Projection": {"ProjectionType": index.projection}})
    key = key_arn(table)
    sse: dict[str, Any] = {"SSEEnabled": True}
    if key is not None:
        sse.update({"SSEType": "KMS", "KMSMasterKeyId": key})
    properties: dict[str, Any] = {
        "AttributeDefinitions": [{"AttributeName": name, "AttributeType": kind}
                                 for name, kind in sorted(attributes.items())],
        "BillingMode": "PAY_PER_REQUEST",
        "KeySchema": key_schema,
        "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": True},
        "SSESpecification": sse,
        "DeletionProtectionEnabled": not table.delete_with_stack,
    }
    if indexes:
        properties["GlobalSecondaryIndexes"] = indexes
    if table.stream:
        properties["StreamSpecification"] = {"StreamViewType": table.stream}
    if table.ttl_attribute:
        properties["TimeToLiveSpecification"] = {"AttributeName": table.ttl_attribute,
                                                 "Enabled": True}
    if table.name:
        properties["TableName"] = table.name
    skips = () if key is not None else (TABLE_AWS_KEY_SKIP,)
    template.add_resource(finish(table, plan, owned(table.id, "AWS::DynamoDB::Table", properties),
                                 skips=skips))


def emit_stream(template: Template, plan: Plan, stream: Stream) -> None:
    key = key_arn(stream)
    properties: dict[str, Any] = {
        "RetentionPeriodHours": stream.retention_hours,
        "StreamEncryption": {"EncryptionType": "KMS",
                             "KeyId": key if key is not None else AWS_MANAGED_KINESIS_KEY},
    }
    if stream.shards is None:
        properties["StreamModeDetails"] = {"StreamMode": "ON_DEMAND"}
    else:
        properties["ShardCount"] = stream.shards
        properties["StreamModeDetails"] = {"StreamMode": "PROVISIONED"}
    if stream.name:
        properties["Name"] = stream.name
    template.add_resource(finish(stream, plan,
                                 owned(stream.id, "AWS::Kinesis::Stream", properties)))



def emit_stream_consumer(template: Template, plan: Plan, consumer: StreamConsumer) -> None:
    assert consumer.stream is not None  # LK209 otherwise
    # A consumer's name is unique per stream: on a stream of another stack (an existing one),
    # the same app deployed twice would register one name twice, so the stack's name leads.
    name: Any = consumer.name or ({"Fn::Sub": f"${{AWS::StackName}}-{consumer.id}"}
                                  if consumer.stream.is_existing else consumer.id)
    properties = {"ConsumerName": name, "StreamARN": arn_of(consumer.stream)}
    template.add_resource(finish(consumer, plan, owned(consumer.id, "AWS::Kinesis::StreamConsumer",
                                                       properties)))
