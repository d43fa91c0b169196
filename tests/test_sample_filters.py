"""Sample events match their source's filters. First the matcher itself, case by case against
the rules EventBridge, Lambda's event filtering and SNS document for each operator; then every
kind of filtered source: its sample, seen as the service sees it, matches."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from lambdakit import Function, Queue, Secret, Stream, Table, Topic
from lambdakit.events import (
    DynamoDbStreamEvent,
    EventBridgeRule,
    KinesisEvent,
    MqEvent,
    MskEvent,
    SelfManagedKafkaEvent,
    SnsEvent,
    SqsEvent,
)
from lambdakit.events._patterns import matches, satisfying
from lambdakit.model import EventSource

CODE = str(Path(__file__).resolve().parent / "goldens" / "_code")
FN = Function(id="Worker", handler="svc.handler.handle", code=CODE, runtime="python3.13")
MSK = "arn:aws:kafka:us-east-1:123456789012:cluster/orders/0f5c2c6e-1a2b-4c3d-8e9f-01234567-1"
BROKER = "arn:aws:mq:us-east-1:123456789012:broker:jobs:b-1234abcd"
SECRET = Secret.existing(arn="arn:aws:secretsmanager:us-east-1:123456789012:secret:login-AbCdEf")

# (pattern, document, whether it matches): the operators' documented behaviour
# (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html).
MATCHER_CASES: list[tuple[dict[str, Any], dict[str, Any], bool]] = [
    ({"source": ["aws.ec2"]}, {"source": "aws.ec2"}, True),
    ({"source": ["aws.ec2"]}, {"source": "aws.s3"}, False),
    ({"source": ["aws.ec2"]}, {}, False),
    ({"n": [5]}, {"n": 5.0}, True),
    ({"n": [5]}, {"n": "5"}, False),
    ({"flag": [True]}, {"flag": 1}, False),
    ({"v": [None]}, {"v": None}, True),
    ({"tags": ["a"]}, {"tags": ["b", "a"]}, True),
    ({"tags": ["a"]}, {"tags": ["b", "c"]}, False),
    ({"detail": {"state": ["running"]}}, {"detail": {"state": "running", "x": 1}}, True),
    ({"detail": {"state": ["running"]}}, {"detail": {"state": "stopped"}}, False),
    ({"time": [{"prefix": "2017-10-02"}]}, {"time": "2017-10-02T18:43:48Z"}, True),
    ({"time": [{"prefix": "2017-10-02"}]}, {"time": "2017-10-03"}, False),
    ({"k": [{"prefix": {"equals-ignore-case": "EUR-"}}]}, {"k": "eur-1"}, True),
    ({"f": [{"suffix": ".png"}]}, {"f": "a/b.png"}, True),
    ({"f": [{"suffix": ".png"}]}, {"f": "a/b.jpg"}, False),
    ({"f": [{"suffix": {"equals-ignore-case": ".PNG"}}]}, {"f": "b.png"}, True),
    ({"n": [{"equals-ignore-case": "alice"}]}, {"n": "ALICE"}, True),
    ({"n": [{"equals-ignore-case": "alice"}]}, {"n": "bob"}, False),
    ({"f": [{"wildcard": "dir/*.png"}]}, {"f": "dir/sub/a.png"}, True),
    ({"f": [{"wildcard": "dir/*.png"}]}, {"f": "other/a.png"}, False),
    ({"f": [{"wildcard": "a\\*b"}]}, {"f": "a*b"}, True),
    ({"f": [{"wildcard": "a\\*b"}]}, {"f": "axb"}, False),
    ({"s": [{"anything-but": "init"}]}, {"s": "done"}, True),
    ({"s": [{"anything-but": "init"}]}, {"s": "init"}, False),
    ({"s": [{"anything-but": ["a", "b"]}]}, {"s": "b"}, False),
    ({"n": [{"anything-but": [1, 2]}]}, {"n": 3}, True),
    ({"s": [{"anything-but": {"prefix": "init"}}]}, {"s": "initializing"}, False),
    ({"s": [{"anything-but": {"prefix": "init"}}]}, {"s": "done"}, True),
    ({"s": [{"anything-but": {"suffix": ".tmp"}}]}, {"s": "a.tmp"}, False),
    ({"s": [{"anything-but": {"equals-ignore-case": ["X", "Y"]}}]}, {"s": "y"}, False),
    ({"s": [{"anything-but": {"wildcard": "*.tmp"}}]}, {"s": "a.txt"}, True),
    ({"s": [{"anything-but": "init"}]}, {}, False),
    ({"c": [{"numeric": [">", 0, "<=", 5]}]}, {"c": 5}, True),
    ({"c": [{"numeric": [">", 0, "<=", 5]}]}, {"c": 0}, False),
    ({"c": [{"numeric": ["<", 10]}]}, {"c": "5"}, False),
    ({"c": [{"numeric": ["=", 3.0e2]}]}, {"c": 300}, True),
    ({"c": [{"numeric": [">=", 1]}]}, {"c": True}, False),
    ({"ip": [{"cidr": "10.0.0.0/24"}]}, {"ip": "10.0.0.255"}, True),
    ({"ip": [{"cidr": "10.0.0.0/24"}]}, {"ip": "10.0.1.0"}, False),
    ({"ip": [{"cidr": "2001:db8::/32"}]}, {"ip": "2001:db8::1"}, True),
    ({"x": [{"exists": True}]}, {"x": "anything"}, True),
    ({"x": [{"exists": True}]}, {}, False),
    ({"x": [{"exists": False}]}, {}, True),
    ({"x": [{"exists": False}]}, {"x": 1}, False),
    ({"d": {"x": [{"exists": False}]}}, {}, True),
    ({"s": ["a", {"prefix": "b"}]}, {"s": "bee"}, True),
    ({"$or": [{"a": [1]}, {"b": [2]}]}, {"b": 2}, True),
    ({"$or": [{"a": [1]}, {"b": [2]}]}, {"a": 2, "b": 1}, False),
    ({"src": ["x"], "$or": [{"a": [1]}, {"b": [2]}]}, {"src": "y", "a": 1}, False),
    ({"a": [{"Ref": "Somewhere"}]}, {"a": "Somewhere"}, False),  # a CloudFormation value
]


@pytest.mark.parametrize("condition", [
    {"numeric": [">", "five"]}, {"numeric": ["~", 5]}, {"numeric": [">", 5, "<"]},
    {"cidr": "not-a-network"}, {"prefix": 5}, {"prefix": {"other": "x"}},
    {"anything-but": {"prefix": "a", "suffix": "b"}}, {"a": 1, "b": 2},
])
def test_a_malformed_condition_matches_nothing_and_breaks_no_sample(condition: Any) -> None:
    """The rules report malformed patterns (LK366); building a sample from one must not
    fail on it."""
    assert not matches({"f": [condition]}, {"f": 5}) and not matches({"f": [condition]},
                                                                      {"f": "a"})
    assert satisfying({"f": [condition]}, {"keep": 1})["keep"] == 1


@pytest.mark.parametrize(("pattern", "document", "expected"), MATCHER_CASES,
                         ids=[json.dumps(c[0])[:60] + " " + json.dumps(c[1])[:40]
                              for c in MATCHER_CASES])
def test_matcher_follows_the_documented_rules(pattern: dict[str, Any], document: dict[str, Any],
                                              expected: bool) -> None:
    assert matches(pattern, document) is expected


@pytest.mark.parametrize("pattern", [case[0] for case in MATCHER_CASES if case[0] != {
    "a": [{"Ref": "Somewhere"}]}], ids=[json.dumps(case[0])[:60] for case in MATCHER_CASES
                                       if case[0] != {"a": [{"Ref": "Somewhere"}]}])
def test_a_document_is_made_to_match_every_operator(pattern: dict[str, Any]) -> None:
    base = {"src": "y", "s": "init", "n": "not a number", "x": 1, "keep": "me"}
    built = satisfying(pattern, base)
    assert matches(pattern, built), built
    assert built["keep"] == "me"


def test_values_that_already_match_are_kept() -> None:
    pattern = {"detail": {"state": [{"prefix": "run"}]}}
    assert satisfying(pattern, {"detail": {"state": "running"}}) == {
        "detail": {"state": "running"}}


# Filters with each operator, in the places each family's filters look.
DETAIL = {"state": [{"prefix": "run"}], "size": [{"numeric": [">", 100, "<", 200]}],
          "owner": [{"anything-but": ["root", "admin"]}], "ip": [{"cidr": "10.1.0.0/16"}],
          "user": [{"equals-ignore-case": "Alice"}], "file": [{"wildcard": "in/*.csv"}],
          "kind": [{"suffix": "-v2"}], "trace": [{"exists": True}],
          "debug": [{"exists": False}]}


def _decoded(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return text


def _sns_attributes(attributes: dict[str, dict[str, str]]) -> dict[str, Any]:
    """Message attributes as SNS filter policies see them: numbers and arrays parsed."""
    return {key: json.loads(a["Value"]) if a["Type"] != "String" else a["Value"]
            for key, a in attributes.items()}


def _sqs_view(event: dict[str, Any]) -> dict[str, Any]:
    record = dict(event["Records"][0])
    return record | {"body": _decoded(record["body"])}


SOURCES: list[tuple[str, EventSource, Any]] = [
    ("eventbridge prefix", EventBridgeRule(pattern={"source": ["com.shop"],
                                                    "detail": {"state": [{"prefix": "ok"}]}}),
     lambda e: e),
    ("eventbridge every operator", EventBridgeRule(pattern={"detail": DETAIL}), lambda e: e),
    ("eventbridge $or", EventBridgeRule(pattern={"source": ["a"], "$or": [
        {"detail-type": ["Created"]}, {"detail": {"n": [{"numeric": ["<", 0]}]}}]}),
     lambda e: e),
    ("sqs body", SqsEvent(queue=Queue(id="Inbox"), filters=[{"body": DETAIL}]), _sqs_view),
    ("sqs plain-text body", SqsEvent(queue=Queue(id="Inbox"),
                                     filters=[{"body": [{"prefix": "PING"}]}]), _sqs_view),
    ("sqs second filter", SqsEvent(queue=Queue(id="Inbox"), filters=[
        {"body": {"a": [{"numeric": [">", 5, "<", 5]}]}}, {"attributes": {
            "MessageGroupId": [{"exists": False}]}, "body": {"b": ["x"]}}]), _sqs_view),
    ("kinesis data", KinesisEvent(stream=Stream(id="Clicks"), starting_position="LATEST",
                                  filters=[{"data": DETAIL}]),
     lambda e: {"data": _decoded(base64.b64decode(e["Records"][0]["kinesis"]["data"])
                                 .decode())}),
    ("dynamodb INSERT", DynamoDbStreamEvent(
        table=Table(id="Orders", partition_key="pk", stream="NEW_IMAGE"),
        starting_position="LATEST", filters=[{"eventName": ["INSERT"], "dynamodb": {
            "NewImage": {"status": {"S": [{"anything-but": ["shipped"]}]}}}}]),
     lambda e: e["Records"][0]),
    ("msk value", MskEvent(cluster_arn=MSK, topic="orders", starting_position="LATEST",
                           filters=[{"value": DETAIL}]),
     lambda e: {"value": _decoded(base64.b64decode(
         e["records"]["orders-0"][0]["value"]).decode())}),
    ("kafka plain value", SelfManagedKafkaEvent(
        bootstrap_servers=["k:9092"], topic="t", starting_position="LATEST",
        filters=[{"value": [{"prefix": "AB"}]}]),
     lambda e: {"value": _decoded(base64.b64decode(e["records"]["t-0"][0]["value"]).decode())}),
    ("activemq data", MqEvent(broker_arn=BROKER, engine="ActiveMQ", queue="jobs",
                              credentials=SECRET, filters=[{"data": DETAIL}]),
     lambda e: {"data": _decoded(base64.b64decode(e["messages"][0]["data"]).decode())}),
    ("sns attributes", SnsEvent(topic=Topic(id="Orders"), filter_policy={
        "kind": ["order"], "total": [{"numeric": [">=", 10]}],
        "region": [{"anything-but": "eu"}], "tags": [{"prefix": "vip"}],
        "test": [{"exists": False}]}),
     lambda e: _sns_attributes(e["Records"][0]["Sns"]["MessageAttributes"])),
    ("sns body", SnsEvent(topic=Topic(id="Orders"), filter_policy_scope="MessageBody",
                          filter_policy={"order": {"total": [{"numeric": [">", 0]}]}}),
     lambda e: json.loads(e["Records"][0]["Sns"]["Message"])),
]


def _patterns(source: EventSource) -> list[dict[str, Any]]:
    if isinstance(source, EventBridgeRule):
        return [source.pattern]
    if isinstance(source, SnsEvent):
        return [source.filter_policy or {}]
    filters: list[dict[str, Any]] = source.filters
    return filters


@pytest.mark.parametrize(("what", "source", "view"), SOURCES, ids=[s[0] for s in SOURCES])
def test_each_sample_matches_its_sources_filters(what: str, source: EventSource,
                                                 view: Any) -> None:
    seen = view(source.sample_event(FN))
    assert any(matches(pattern, seen) for pattern in _patterns(source)), seen


def test_a_dynamodb_sample_is_the_change_its_filter_asks_for() -> None:
    [(_, source, _)] = [s for s in SOURCES if s[0] == "dynamodb INSERT"]
    record = source.sample_event(FN)["Records"][0]
    assert record["eventName"] == "INSERT"
    assert record["dynamodb"]["NewImage"]["status"]["S"] != "shipped"


def test_an_eventbridge_sample_fills_a_prefix_pattern() -> None:
    event = SOURCES[0][1].sample_event(FN)
    assert event["source"] == "com.shop"
    assert event["detail"]["state"].startswith("ok")
