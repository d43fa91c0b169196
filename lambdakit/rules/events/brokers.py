"""Kafka, Amazon MQ and DocumentDB sources: batching, ARNs, connection settings, credentials."""

from __future__ import annotations

import re

from lambdakit.events import (
    BrokerSource,
    DocumentDbEvent,
    KafkaSource,
    MqEvent,
    MskEvent,
    SelfManagedKafkaEvent,
)
from lambdakit.events.brokers import MSK_AUTH
from lambdakit.limits import quotas as q
from lambdakit.model import Function, Secret
from lambdakit.rules.context import RuleContext
from lambdakit.rules.events.common import check_failure_path, check_filters
from lambdakit.rules.events.streams import check_starting_timestamp

# What each source's ARN names, what it looks like, and an example for the hint.
ARNS: dict[type[BrokerSource], tuple[str, re.Pattern[str], str]] = {
    MskEvent: ("an Amazon MSK cluster",
               re.compile(r"^arn:aws[a-z-]*:kafka:[a-z0-9-]+:\d{12}:cluster/[A-Za-z0-9-]+/"
                          r"[A-Za-z0-9-]+$"),
               "arn:aws:kafka:REGION:ACCOUNT:cluster/NAME/UUID"),
    MqEvent: ("an Amazon MQ broker",
              re.compile(r"^arn:aws[a-z-]*:mq:[a-z0-9-]+:\d{12}:broker:[A-Za-z0-9_-]+:"
                         r"b-[a-z0-9-]+$"),
              "arn:aws:mq:REGION:ACCOUNT:broker:NAME:b-ID"),
    DocumentDbEvent: ("a DocumentDB cluster",
                      re.compile(r"^arn:aws[a-z-]*:rds:[a-z0-9-]+:\d{12}:cluster:"
                                 r"[a-z][a-z0-9-]{0,62}$"),
                      "arn:aws:rds:REGION:ACCOUNT:cluster:NAME"),
}
SUBNET_ID = re.compile(r"^subnet-[0-9a-f]{8,17}$")
SECURITY_GROUP_ID = re.compile(r"^sg-[0-9a-f]{8,17}$")


def check_broker_event(ctx: RuleContext, fn: Function, source: BrokerSource) -> None:
    _check_batching(ctx, source)
    check_filters(ctx, source, source.filters)
    arn = source.polled_arn()
    if arn is not None and type(source) in ARNS:
        what, pattern, example = ARNS[type(source)]
        if not pattern.match(arn):
            ctx.report("LK010", source, f"{arn!r} is not the ARN of {what}",
                       f"pass its ARN, {example}")
    for secret in source.secrets():
        _check_secret(ctx, source, secret)
    if isinstance(source, KafkaSource):
        _check_kafka(ctx, source)
        # Lambda retries a failing batch until its records leave the topic (retries are not
        # bounded unless told): the partition waits, and what is dropped leaves no trace.
        check_failure_path(ctx, fn, source, source.on_failure,
                           "a record the function keeps failing on holds up its partition until "
                           "the topic's retention drops it, with no trace of which it was")
        check_starting_timestamp(ctx, source, source.starting_position,
                                 source.starting_timestamp)
    if isinstance(source, MqEvent):
        _check_mq(ctx, source)
    if isinstance(source, DocumentDbEvent):
        _check_documentdb(ctx, source)
        check_starting_timestamp(ctx, source, source.starting_position,
                                 source.starting_timestamp)


def _check_batching(ctx: RuleContext, source: BrokerSource) -> None:
    most = q.BROKER_BATCH_SIZE_MAX.value
    if not 1 <= source.batch_size <= most:
        ctx.report("LK330", source, f"batch_size must be 1–{most} (got {source.batch_size})",
                   f"set batch_size={min(max(source.batch_size, 1), most)}; "
                   f"{q.BROKER_BATCH_SIZE_MAX.source}")
    window, window_max = source.batching_window, q.BATCHING_WINDOW_MAX_S.value
    if window is not None and not 0 <= window <= window_max:
        ctx.report("LK330", source, f"batching_window must be 0–{window_max} s (got {window})",
                   q.BATCHING_WINDOW_MAX_S.source)


def _check_secret(ctx: RuleContext, source: BrokerSource, secret: Secret) -> None:
    if secret.existing_name is not None:
        ctx.report("LK332", source,
                   f"{secret.id} is referenced by name: Lambda's poller needs the secret's "
                   "full ARN", f"use Secret.existing(arn='arn:aws:secretsmanager:REGION:"
                   f"ACCOUNT:secret:{secret.existing_name}-XXXXXX')")
    elif not secret.is_existing:
        ctx.report("LK332", source,
                   f"{secret.id} is an owned Secret, whose value Secrets Manager generates: it "
                   "cannot hold the user name and password or certificate the broker expects",
                   "store the credentials in Secrets Manager outside the app and pass "
                   "Secret.existing(arn=...)")


def _check_kafka(ctx: RuleContext, source: KafkaSource) -> None:
    topic, most = source.topic, q.KAFKA_TOPIC_MAX_CHARS.value
    if not (len(topic) <= most and re.match(q.KAFKA_TOPIC_PATTERN, topic)):
        ctx.report("LK331", source, f"topic {topic!r} is not a Kafka topic name",
                   f"1–{most} letters, digits, '.', '_' or '-', not starting with '.'")
    group = source.consumer_group_id
    if group is not None and not (len(group) <= q.KAFKA_CONSUMER_GROUP_MAX_CHARS.value
                                  and re.match(q.KAFKA_CONSUMER_GROUP_PATTERN, group)):
        ctx.report("LK331", source, f"consumer_group_id {group!r} is not accepted by Lambda",
                   f"1–{q.KAFKA_CONSUMER_GROUP_MAX_CHARS.value} letters, digits and "
                   f"- / * : _ + = . @; {q.KAFKA_CONSUMER_GROUP_MAX_CHARS.source}")
    if (source.auth is None) != (source.auth_secret is None):
        missing = "auth_secret" if source.auth_secret is None else "auth"
        ctx.report("LK331", source, f"auth and auth_secret go together ({missing} is missing)",
                   "auth='SASL_SCRAM_512', auth_secret=Secret.existing(arn=...), or neither "
                   "for a cluster without authentication")
    if isinstance(source, MskEvent) and source.auth not in (None, *MSK_AUTH):
        ctx.report("LK331", source,
                   f"Amazon MSK offers Lambda {' or '.join(MSK_AUTH)}, not {source.auth}",
                   f"use one of those; {q.LAMBDA_CREATE_ESM}")
    if isinstance(source, SelfManagedKafkaEvent):
        _check_self_managed(ctx, source)


def _check_self_managed(ctx: RuleContext, source: SelfManagedKafkaEvent) -> None:
    if not source.bootstrap_servers:
        ctx.report("LK331", source, "bootstrap_servers is empty",
                   "list one or more brokers as host:port, e.g. 'kafka-1.example.com:9092'")
    for server in source.bootstrap_servers:
        if not re.match(q.KAFKA_BOOTSTRAP_SERVER_PATTERN, server):
            ctx.report("LK331", source, f"bootstrap server {server!r} is not host:port",
                       f"e.g. 'kafka-1.example.com:9092'; {q.KAFKA_BOOTSTRAP_SOURCE}")
    if bool(source.subnets) != bool(source.security_groups):
        ctx.report("LK331", source,
                   "subnets and security_groups go together: Lambda places the poller's "
                   "network interfaces in those subnets with those groups",
                   "give both, or neither for brokers reachable from the internet")
    bad = [s for s in source.subnets if not SUBNET_ID.match(s)] + [
        g for g in source.security_groups if not SECURITY_GROUP_ID.match(g)]
    if bad:
        ctx.report("LK331", source, f"not subnet or security group ids: {bad!r}",
                   "subnets=['subnet-0123456789abcdef0'], "
                   "security_groups=['sg-0123456789abcdef0']")


def _check_mq(ctx: RuleContext, source: MqEvent) -> None:
    if not 1 <= len(source.queue) <= q.MQ_QUEUE_MAX_CHARS.value:
        ctx.report("LK331", source,
                   f"queue must be 1–{q.MQ_QUEUE_MAX_CHARS.value} characters",
                   q.MQ_QUEUE_MAX_CHARS.source)
    if source.virtual_host is not None and source.engine != "RabbitMQ":
        ctx.report("LK331", source, "virtual_host exists only on RabbitMQ brokers",
                   "remove virtual_host, or set engine='RabbitMQ' if the broker is one")


def _check_documentdb(ctx: RuleContext, source: DocumentDbEvent) -> None:
    for field, value, quota in (("database", source.database, q.DOCDB_DATABASE_MAX_CHARS),
                                ("collection", source.collection,
                                 q.DOCDB_COLLECTION_MAX_CHARS)):
        if value is not None and not 1 <= len(value) <= quota.value:
            ctx.report("LK331", source, f"{field} must be 1–{quota.value} characters "
                                        f"(got {len(value)})", quota.source)


# How rules/events finds this family's checks.
check_source = check_broker_event
