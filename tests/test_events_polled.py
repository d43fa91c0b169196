"""The checks of stream, Kafka, Amazon MQ and DocumentDB sources, branch by branch (the error
goldens show one message per code; these show every way to get each), and what the sources
imply beyond their goldens."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from aws_lambda_powertools.utilities.parser.models import DynamoDBStreamModel
from helpers import FIXED_DAY

from lambdakit import (
    App,
    Bucket,
    Function,
    Queue,
    Secret,
    Stream,
    StreamConsumer,
    Table,
    Topic,
)
from lambdakit.events import (
    DocumentDbEvent,
    DynamoDbStreamEvent,
    KinesisEvent,
    MqEvent,
    MskEvent,
    SelfManagedKafkaEvent,
)
from lambdakit.iam import grant_permissions
from lambdakit.model import EventSource
from lambdakit.rules import check_app

CODE = "goldens/_code"
MSK = "arn:aws:kafka:us-east-1:123456789012:cluster/orders/0f5c2c6e-1a2b-4c3d-8e9f-01234567-1"
BROKER = "arn:aws:mq:us-east-1:123456789012:broker:jobs:b-1234abcd"
DOCDB = "arn:aws:rds:us-east-1:123456789012:cluster:catalog"
SECRET = Secret.existing(arn="arn:aws:secretsmanager:us-east-1:123456789012:secret:login-AbCdEf")
FAILED = Queue(id="Failed")
STREAM = Stream(id="Clicks")
TABLE = Table(id="Orders", partition_key="pk", stream="NEW_IMAGE")
JAN_1 = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def _codes(source: EventSource, **function: Any) -> list[tuple[str, str]]:
    fn = Function(id="Worker", handler="svc.handler.handle", code=CODE, runtime="python3.13",
                  events=[source], **function)
    found = check_app(App(name="polled", functions=[fn]), FIXED_DAY)
    return [(d.code, d.message) for d in found]


def kinesis(**settings: Any) -> KinesisEvent:
    return KinesisEvent(**{"stream": STREAM, "starting_position": "LATEST",
                           "on_failure": FAILED, **settings})


def msk(**settings: Any) -> MskEvent:
    return MskEvent(**{"cluster_arn": MSK, "topic": "orders", "starting_position": "LATEST",
                       **settings})


def self_managed(**settings: Any) -> SelfManagedKafkaEvent:
    return SelfManagedKafkaEvent(**{"bootstrap_servers": ["kafka-1.example.com:9092"],
                                    "topic": "orders", "starting_position": "LATEST",
                                    **settings})


CASES: list[tuple[str, EventSource, str, str]] = [
    ("batch size", kinesis(batch_size=0), "LK320", "batch_size must be 1–10000"),
    ("window", kinesis(batching_window=301), "LK320", "batching_window must be 0–300"),
    ("timestamp missing", kinesis(starting_position="AT_TIMESTAMP"), "LK321",
     "needs a starting_timestamp"),
    ("timestamp unused", kinesis(starting_timestamp=JAN_1), "LK321",
     "used only with AT_TIMESTAMP"),
    ("naive timestamp", kinesis(starting_position="AT_TIMESTAMP",
                                starting_timestamp=dt.datetime(2026, 1, 1)), "LK321",
     "no time zone"),
    ("dynamodb at timestamp",
     DynamoDbStreamEvent(table=TABLE, starting_position="AT_TIMESTAMP",
                         starting_timestamp=JAN_1, on_failure=FAILED),
     "LK321", "DynamoDB Streams start only at TRIM_HORIZON or LATEST"),
    ("retries", kinesis(maximum_retry_attempts=10001), "LK322",
     "maximum_retry_attempts must be -1–10000"),
    ("record age too old", kinesis(maximum_record_age=604801), "LK322",
     "maximum_record_age must be 60–604800"),
    ("unbounded age", kinesis(maximum_record_age=-1), "LK323", "maximum_record_age = -1"),
    ("parallelization", kinesis(parallelization=0), "LK324", "parallelization must be 1–10"),
    ("tumbling window", kinesis(tumbling_window=901), "LK324", "tumbling_window must be 0–900"),
    ("no failure destination", kinesis(on_failure=None), "LK325", "no on_failure"),
    ("MSK without failure destination", msk(), "LK325", "holds up its partition"),
    ("Kafka without failure destination", self_managed(), "LK325", "holds up its partition"),
    ("FIFO queue destination",
     kinesis(on_failure=Queue(id="Fifo", name="failed.fifo", fifo=True)), "LK327",
     "is a FIFO queue"),
    ("FIFO topic destination", msk(on_failure=Topic(id="Fifo", name="failed.fifo", fifo=True)),
     "LK327", "is a FIFO topic"),
    ("existing table without stream_arn",
     DynamoDbStreamEvent(table=Table.existing(name="legacy"), starting_position="LATEST",
                         on_failure=FAILED),
     "LK326", "its stream's ARN cannot be derived"),
    ("stream_arn on an owned table",
     DynamoDbStreamEvent(table=TABLE, starting_position="LATEST", on_failure=FAILED,
                         stream_arn="arn:aws:dynamodb:us-east-1:123456789012:table/Orders/"
                                    "stream/2026-01-01T00:00:00.000"),
     "LK326", "stream_arn is only for existing tables"),
    ("stream of another table",
     DynamoDbStreamEvent(table=Table.existing(name="legacy"), starting_position="LATEST",
                         on_failure=FAILED,
                         stream_arn="arn:aws:dynamodb:us-east-1:123456789012:table/other/"
                                    "stream/2026-01-01T00:00:00.000"),
     "LK010", "the stream of another table"),
    ("not a stream ARN",
     DynamoDbStreamEvent(table=Table.existing(name="legacy"), starting_position="LATEST",
                         on_failure=FAILED,
                         stream_arn="arn:aws:dynamodb:us-east-1:123456789012:table/legacy"),
     "LK010", "is not a DynamoDB stream ARN"),
    ("consumer of another stream",
     kinesis(consumer=StreamConsumer(id="Other", stream=Stream(id="Orders"))), "LK328",
     "consumes Orders, not Clicks"),
    ("consumer ARN of another stream",
     kinesis(stream=Stream.existing(name="clicks"),
             consumer=StreamConsumer.existing(
                 arn="arn:aws:kinesis:us-east-1:123456789012:stream/orders/consumer/c:1")),
     "LK328", "a consumer of another stream"),
    ("consumer by name",
     kinesis(consumer=StreamConsumer.existing(name="fan-out")), "LK328", "referenced by name"),
    ("owned consumer without stream", kinesis(consumer=StreamConsumer(id="Loose")), "LK209",
     "needs stream"),
    ("broker batch", msk(batch_size=10001), "LK330", "batch_size must be 1–10000"),
    ("broker window", msk(batching_window=-1), "LK330", "batching_window must be 0–300"),
    ("msk ARN", msk(cluster_arn="arn:aws:kafka:us-east-1:123456789012:orders"), "LK010",
     "not the ARN of an Amazon MSK cluster"),
    ("topic", msk(topic=".hidden"), "LK331", "is not a Kafka topic name"),
    ("consumer group", msk(consumer_group_id="a b"), "LK331", "consumer_group_id 'a b'"),
    ("auth without secret", msk(auth="SASL_SCRAM_512"), "LK331", "auth_secret is missing"),
    ("msk plain", msk(auth="SASL_PLAIN", auth_secret=SECRET), "LK331",
     "Amazon MSK offers Lambda"),
    ("msk timestamp", msk(starting_position="AT_TIMESTAMP"), "LK321",
     "needs a starting_timestamp"),
    ("no brokers", self_managed(bootstrap_servers=[]), "LK331", "bootstrap_servers is empty"),
    ("subnets alone", self_managed(subnets=["subnet-0123456789abcdef0"]), "LK331",
     "subnets and security_groups go together"),
    ("bad ids", self_managed(subnets=["subnet-x"], security_groups=["sg-0123456789abcdef0"]),
     "LK331", "not subnet or security group ids"),
    ("virtual host on ActiveMQ",
     MqEvent(broker_arn=BROKER, engine="ActiveMQ", queue="jobs", credentials=SECRET,
             virtual_host="/prod"), "LK331", "virtual_host exists only on RabbitMQ"),
    ("mq ARN", MqEvent(broker_arn=DOCDB, engine="ActiveMQ", queue="jobs", credentials=SECRET),
     "LK010", "not the ARN of an Amazon MQ broker"),
    ("collection too long",
     DocumentDbEvent(cluster_arn=DOCDB, database="shop", collection="c" * 58,
                     credentials=SECRET, starting_position="LATEST"),
     "LK331", "collection must be 1–57 characters"),
    ("owned secret",
     DocumentDbEvent(cluster_arn=DOCDB, database="shop", credentials=Secret(id="Login"),
                     starting_position="LATEST"),
     "LK332", "is an owned Secret"),
]


@pytest.mark.parametrize(("what", "source", "code", "fragment"), CASES,
                         ids=[case[0] for case in CASES])
def test_each_check(what: str, source: EventSource, code: str, fragment: str) -> None:
    found = _codes(source)
    assert any(c == code and fragment in message for c, message in found), found


@pytest.mark.parametrize("source", [
    kinesis(),
    kinesis(consumer=StreamConsumer(id="FanOut", stream=STREAM)),
    DynamoDbStreamEvent(table=TABLE, starting_position="TRIM_HORIZON", on_failure=FAILED),
    DynamoDbStreamEvent(table=Table.existing(arn="arn:aws:dynamodb:eu-west-1:111122223333:"
                                                 "table/legacy"),
                        starting_position="LATEST", on_failure=Topic(id="Alerts"),
                        stream_arn="arn:aws:dynamodb:eu-west-1:111122223333:table/legacy/"
                                   "stream/2024-05-01T00:00:00.000"),
    msk(auth="SASL_SCRAM_512", auth_secret=SECRET, on_failure=Bucket(id="Failures")),
    self_managed(subnets=["subnet-0123456789abcdef0"], security_groups=["sg-0123456789abcdef0"],
                 auth="SASL_PLAIN", auth_secret=SECRET, on_failure=FAILED),
    MqEvent(broker_arn=BROKER, engine="RabbitMQ", queue="jobs", credentials=SECRET,
            virtual_host="/prod"),
    DocumentDbEvent(cluster_arn=DOCDB, database="shop", credentials=SECRET,
                    starting_position="AT_TIMESTAMP", starting_timestamp=JAN_1),
], ids=lambda s: type(s).__name__)
def test_valid_sources_report_nothing(source: EventSource) -> None:
    assert _codes(source) == []


def test_acknowledged_warnings_stay_silent() -> None:
    source = kinesis(on_failure=None, maximum_retry_attempts=-1)
    assert {c for c, _ in _codes(source)} == {"LK323", "LK325"}
    assert _codes(source, acknowledge={"LK323": "replays are idempotent",
                                       "LK325": "a nightly export reconciles"}) == []


def test_defaults_bound_failure_handling() -> None:
    """AWS's own defaults retry until a record expires; lambdakit's never do."""
    properties = kinesis().bind(_worker()).properties
    assert properties["MaximumRetryAttempts"] == 3
    assert properties["MaximumRecordAgeInSeconds"] == 21600
    assert properties["BisectBatchOnFunctionError"] is True
    assert properties["FunctionResponseTypes"] == ["ReportBatchItemFailures"]


def _worker() -> Function:
    return Function(id="Worker", handler="svc.handler.handle", code=CODE, runtime="python3.13")


def _actions(source: EventSource) -> dict[str, list[Any]]:
    fn = _worker().model_copy(update={"events": [source]})
    return {action: list(p.resources) for p in grant_permissions(fn)
            for action in p.action_names}


def test_self_managed_kafka_outside_a_vpc_gets_no_network_access() -> None:
    inside = _actions(self_managed(subnets=["subnet-0123456789abcdef0"],
                                   security_groups=["sg-0123456789abcdef0"]))
    outside = _actions(self_managed(auth="SASL_SCRAM_512", auth_secret=SECRET))
    assert "ec2:CreateNetworkInterface" in inside
    assert not any(action.startswith("ec2:") for action in outside)
    assert set(outside) == {"secretsmanager:GetSecretValue"}


def test_pollers_in_a_vpc_create_interfaces_only_by_type_in_their_account() -> None:
    create = _actions(msk())["ec2:CreateNetworkInterface"]
    assert [r["Fn::Sub"].rsplit(":", 1)[-1] for r in create] == [
        "network-interface/*", "security-group/*", "subnet/*"]
    assert all("${AWS::AccountId}" in r["Fn::Sub"] for r in create)


@pytest.mark.parametrize("view", ["KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"])
def test_dynamodb_sample_holds_what_the_view_type_says(view: str) -> None:
    table = Table(id="Orders", partition_key="pk", sort_key="sk", stream=view)
    event = DynamoDbStreamEvent(table=table, starting_position="LATEST").sample_event(_worker())
    DynamoDBStreamModel.model_validate(event)
    record = event["Records"][0]["dynamodb"]
    assert record["StreamViewType"] == view
    assert set(record["Keys"]) == {"pk", "sk"}
    assert ("NewImage" in record) == (view in ("NEW_IMAGE", "NEW_AND_OLD_IMAGES"))
    assert ("OldImage" in record) == (view in ("OLD_IMAGE", "NEW_AND_OLD_IMAGES"))
