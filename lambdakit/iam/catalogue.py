"""The access catalogue: resource kind × access level → actions on exact ARNs.

Curated and narrower than SAM's policy templates and connector profiles and CDK's grants: no
`Get*`-style wildcards, nothing destructive in "write" (no PurgeQueue, no DeleteTable, no
DeleteObjectVersion), reads that leave out ACL, torrent and legal-hold calls. Each entry lists the
statements one grant becomes; a `target` names which ARN of the resource each statement is on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

import awacs.dynamodb as ddb
from awacs import (
    awslambda,
    ec2,
    events,
    kafka,
    kinesis,
    kms,
    mq,
    rds,
    s3,
    secretsmanager,
    sns,
    sqs,
    ssm,
    states,
)
from awacs.aws import Action

# Targets: which ARN of the resource a statement is on.
SELF = "self"                # the resource's own ARN
OBJECTS = "objects"          # bucket objects: <bucket arn>/<prefix>*
BUCKET_LISTING = "listing"   # the bucket, with an s3:prefix condition when a prefix is given
INDEXES = "indexes"          # <table arn>/index/*
TABLE_STREAM = "stream"      # the table's stream
QUALIFIED = "qualified"      # <function arn>:* (versions and aliases)
ANY = "any"                  # "*": only for actions with no resource type, with a reason
# The function's account and Region, any id: for what a poller creates or looks up at run time.
NETWORK_INTERFACES = "network_interfaces"   # ec2 network-interface/*
# ec2 network-interface/* with the poller's subnets and security groups (exact where its source
# names them, else subnet/* and security-group/*): CreateNetworkInterface is authorized on all
# three at once, so one statement names them all (`iam.network.interface_placement`).
INTERFACE_PLACEMENT = "interface_placement"
CLUSTER_PARAMETER_GROUPS = "cluster_parameter_groups"  # rds cluster-pg:*
SUBNET_GROUPS = "subnet_groups"             # rds subgrp:*


class StatementSpec(NamedTuple):
    suffix: str                  # appended to the Sid: "", "Indexes", "Objects", ...
    actions: tuple[Action, ...]
    target: str = SELF
    wildcard_reason: str = ""
    # (operator, condition key, allowed values) that narrows the statement.
    condition: tuple[str, str, tuple[str, ...]] | None = None


class Access(NamedTuple):
    """What one access level grants. `key_actions` apply on the resource's customer KMS key."""

    statements: tuple[StatementSpec, ...]
    key_actions: tuple[Action, ...] = ()
    summary: str = ""
    includes: tuple[str, ...] = ()  # other access levels this one adds up
    # The summary, when what the access does depends on the resource (a bucket's versioning).
    summary_of: Callable[[Any], str] | None = None

    def summary_for(self, resource: object) -> str:
        return self.summary_of(resource) if self.summary_of is not None else self.summary


def _bucket_deletion(bucket: Any) -> str:
    """What `s3:DeleteObject` (no version id, nor `s3:DeleteObjectVersion`) does to an object."""
    if bucket.is_existing:
        return ("delete objects (for good, unless the bucket is versioned: then a delete "
                "marker hides each and its versions stay recoverable)")
    if bucket.is_versioned:
        return ("delete objects (the bucket is versioned: a delete marker hides each, and its "
                "versions stay recoverable)")
    return "delete objects for good (the bucket is not versioned)"


LIST_STREAMS_REASON = ("dynamodb:ListStreams has no resource type in the IAM service "
                       "authorization reference, so it can only be granted on '*'")

ENI_DESCRIBE_REASON = ("ec2:DescribeNetworkInterfaces, DescribeSecurityGroups, DescribeSubnets and "
                       "DescribeVpcs have no resource type in the IAM service authorization "
                       "reference, so they can only be granted on '*'")
BOOTSTRAP_BROKERS_REASON = ("kafka:GetBootstrapBrokers has no resource type in the IAM service "
                            "authorization reference, so it can only be granted on '*'")
# Lambda's poller reaches a broker or cluster inside a VPC through network interfaces it creates
# in the source's subnets; the interfaces' ids exist only at run time, so they are granted by
# type, in the function's account and Region.
POLLER_NETWORK = (
    StatementSpec("Create", (ec2.CreateNetworkInterface,), INTERFACE_PLACEMENT),
    StatementSpec("Delete", (ec2.DeleteNetworkInterface,), NETWORK_INTERFACES),
    StatementSpec("Describe", (ec2.DescribeNetworkInterfaces, ec2.DescribeSecurityGroups,
                               ec2.DescribeSubnets, ec2.DescribeVpcs), ANY, ENI_DESCRIBE_REASON),
)

TABLE_READ = (ddb.BatchGetItem, ddb.ConditionCheckItem, ddb.GetItem, ddb.Query, ddb.Scan)
TABLE_WRITE = (ddb.BatchWriteItem, ddb.ConditionCheckItem, ddb.DeleteItem, ddb.PutItem,
               ddb.UpdateItem)

CATALOGUE: dict[tuple[str, str], Access] = {
    ("queue", "send"): Access(
        (StatementSpec("", (sqs.SendMessage,)),),
        key_actions=(kms.Decrypt, kms.GenerateDataKey),
        summary="send messages"),
    ("queue", "consume"): Access(
        (StatementSpec("", (sqs.ChangeMessageVisibility, sqs.DeleteMessage,
                            sqs.GetQueueAttributes, sqs.ReceiveMessage)),),
        key_actions=(kms.Decrypt,),
        summary="receive, delete and extend messages"),
    ("topic", "publish"): Access(
        (StatementSpec("", (sns.Publish,)),),
        key_actions=(kms.Decrypt, kms.GenerateDataKey),
        summary="publish messages"),
    ("event_bus", "put"): Access(
        (StatementSpec("", (events.PutEvents,)),),
        summary="put events"),
    ("bucket", "read"): Access(
        (StatementSpec("Objects", (s3.GetObject,), OBJECTS),
         StatementSpec("Listing", (s3.ListBucket,), BUCKET_LISTING)),
        key_actions=(kms.Decrypt,),
        summary="get and list objects"),
    ("bucket", "write"): Access(
        (StatementSpec("Objects", (s3.AbortMultipartUpload, s3.PutObject), OBJECTS),),
        key_actions=(kms.Decrypt, kms.GenerateDataKey),
        summary="put objects"),
    # What Lambda needs to write the record of a failed asynchronous invocation into a bucket
    # (an on-failure destination): put the object, and list the bucket.
    ("bucket", "deliver_records"): Access(
        (StatementSpec("Objects", (s3.PutObject,), OBJECTS),
         StatementSpec("Listing", (s3.ListBucket,), BUCKET_LISTING)),
        key_actions=(kms.GenerateDataKey,),
        summary="put invocation records and list the bucket"),
    ("bucket", "delete"): Access(
        (StatementSpec("Objects", (s3.DeleteObject,), OBJECTS),),
        summary="delete objects", summary_of=_bucket_deletion),
    # A stream or Kafka source's on-failure destination: Lambda writes the failed batch as an
    # object and, as its documentation lists, needs ListBucket too.
    ("bucket", "failure_records"): Access(
        (StatementSpec("Objects", (s3.PutObject,), OBJECTS),
         StatementSpec("Listing", (s3.ListBucket,), BUCKET_LISTING)),
        key_actions=(kms.Decrypt, kms.GenerateDataKey),
        summary="put records of failed batches"),
    ("table", "read"): Access(
        (StatementSpec("", TABLE_READ),
         StatementSpec("Indexes", (ddb.Query, ddb.Scan), INDEXES)),
        key_actions=(kms.Decrypt,),
        summary="get, query and scan items"),
    ("table", "write"): Access(
        (StatementSpec("", TABLE_WRITE),),
        key_actions=(kms.Decrypt, kms.Encrypt, kms.GenerateDataKey),
        summary="put, update and delete items"),
    # Writers that only put (an event log, an ingest function): no update or delete call. A
    # PutItem still replaces an item with the same key, so it is not append-only; the condition
    # keeps it from returning the item it replaced (ReturnValues ALL_OLD).
    ("table", "put"): Access(
        (StatementSpec("", (ddb.PutItem,),
                       condition=("StringEqualsIfExists", "dynamodb:ReturnValues", ("NONE",))),),
        key_actions=(kms.Decrypt, kms.Encrypt, kms.GenerateDataKey),
        summary="put items, replacing any with the same key (no update or delete; the "
                "replaced item is not returned)"),
    ("table", "read_write"): Access((), includes=("read", "write"),
                                    summary="read and write items"),
    ("table", "read_stream"): Access(
        (StatementSpec("", (ddb.DescribeStream, ddb.GetRecords, ddb.GetShardIterator),
                       TABLE_STREAM),
         StatementSpec("List", (ddb.ListStreams,), ANY, LIST_STREAMS_REASON)),
        key_actions=(kms.Decrypt,),
        summary="read the table's stream"),
    ("stream", "read"): Access(
        (StatementSpec("", (kinesis.DescribeStream, kinesis.DescribeStreamSummary,
                            kinesis.GetRecords, kinesis.GetShardIterator, kinesis.ListShards)),),
        key_actions=(kms.Decrypt,),
        summary="read records"),
    # Enhanced fan-out: records pushed to the consumer (the stream's own read still applies).
    ("stream_consumer", "subscribe"): Access(
        (StatementSpec("", (kinesis.DescribeStreamConsumer, kinesis.SubscribeToShard)),),
        summary="subscribe to the stream's shards through this consumer"),
    ("stream", "write"): Access(
        (StatementSpec("", (kinesis.PutRecord, kinesis.PutRecords)),),
        key_actions=(kms.GenerateDataKey,),
        summary="put records"),
    # Pollers of event sources inside a VPC (Kafka, Amazon MQ, DocumentDB): see POLLER_NETWORK.
    ("poller_network", "attach"): Access(
        POLLER_NETWORK, summary="create, describe and delete the poller's network interfaces"),
    ("kafka_cluster", "poll"): Access(
        (StatementSpec("", (kafka.DescribeClusterV2,)),
         StatementSpec("Brokers", (kafka.GetBootstrapBrokers,), ANY, BOOTSTRAP_BROKERS_REASON)),
        summary="look up the cluster and its brokers"),
    ("mq_broker", "poll"): Access(
        (StatementSpec("", (mq.DescribeBroker,)),), summary="look up the broker"),
    ("docdb_cluster", "poll"): Access(
        (StatementSpec("", (rds.DescribeDBClusters,)),
         StatementSpec("ParameterGroups", (rds.DescribeDBClusterParameters,),
                       CLUSTER_PARAMETER_GROUPS),
         StatementSpec("SubnetGroups", (rds.DescribeDBSubnetGroups,), SUBNET_GROUPS)),
        summary="look up the cluster, its parameters and subnet group"),
    ("secret", "read"): Access(
        (StatementSpec("", (secretsmanager.GetSecretValue,)),),
        key_actions=(kms.Decrypt,),
        summary="read the secret's value"),
    ("parameter", "read"): Access(
        (StatementSpec("", (ssm.GetParameter, ssm.GetParameters)),),
        summary="read the parameter"),
    ("key", "encrypt"): Access(
        (StatementSpec("", (kms.Encrypt, kms.GenerateDataKey)),),
        summary="encrypt and generate data keys"),
    ("key", "decrypt"): Access(
        (StatementSpec("", (kms.Decrypt,)),),
        summary="decrypt"),
    ("function", "invoke"): Access(
        (StatementSpec("", (awslambda.InvokeFunction,)),
         StatementSpec("Qualified", (awslambda.InvokeFunction,), QUALIFIED)),
        summary="invoke the function, its versions and aliases"),
    ("state_machine", "start"): Access(
        (StatementSpec("", (states.StartExecution,)),),
        summary="start executions"),
    ("state_machine", "start_sync"): Access(
        (StatementSpec("", (states.StartExecution, states.StartSyncExecution)),),
        summary="start executions, synchronously too (express workflows)"),
}


def access_levels(kind: str) -> list[str]:
    return sorted(access for k, access in CATALOGUE if k == kind)


def expand(kind: str, access: str) -> list[tuple[str, Access]]:
    """An access level and those it includes, as (level, entry) pairs."""
    entry = CATALOGUE[(kind, access)]
    if not entry.includes:
        return [(access, entry)]
    return [pair for level in entry.includes for pair in expand(kind, level)]
