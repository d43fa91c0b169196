"""What every event source must get right, checked on every golden app that has sources:

- after the real SAM transform, Lambda's resource-based permissions are scoped to their source
  (a source ARN or account, or an Alexa skill id), never open to a whole service;
- every event source mapping's source is readable by exactly that function's role, and the
  role reads nothing else because of it;
- the sample event of each source is what the ecosystem's own event models accept
  (aws-lambda-powertools' parser models), and is the same on every run.
"""

from __future__ import annotations

import copy
import fnmatch
import json
from pathlib import Path
from typing import Any

import pytest
from aws_lambda_powertools.utilities.data_classes.active_mq_event import ActiveMQEvent
from aws_lambda_powertools.utilities.data_classes.rabbit_mq_event import RabbitMQEvent
from aws_lambda_powertools.utilities.parser import models as powertools
from helpers import synth_file

from lambdakit.check.sam import sam_transform
from lambdakit.cli.loader import load_app
from lambdakit.events import (
    DocumentDbEvent,
    DynamoDbStreamEvent,
    KinesisEvent,
    MqEvent,
    MskEvent,
    SelfManagedKafkaEvent,
    SqsEvent,
)
from lambdakit.model import EventSource, Function

GOLDENS = Path(__file__).resolve().parent / "goldens"
EVENT_CASES = sorted(p.name for p in GOLDENS.iterdir()
                     if p.name.startswith("events_") and (p / "app.py").is_file())

# Each source type → the powertools model its handler would parse the event with.
POWERTOOLS_MODELS: dict[type[EventSource], Any] = {
    SqsEvent: powertools.SqsModel,
    KinesisEvent: powertools.KinesisDataStreamModel,
    DynamoDbStreamEvent: powertools.DynamoDBStreamModel,
    MskEvent: powertools.KafkaMskEventModel,
    SelfManagedKafkaEvent: powertools.KafkaSelfManagedEventModel,
}


def _read_mq(event: dict[str, Any]) -> None:
    """powertools has no parser model for Amazon MQ, only data classes: read every typed
    accessor a handler would, which fails on a missing or mistyped field."""
    if event["eventSource"] == "aws:rmq":
        rabbit = RabbitMQEvent(event)
        for messages in rabbit.rmq_messages_by_queue.values():
            for message in messages:
                assert message.json_data == {"example": "message"}
                assert isinstance(message.basic_properties.body_size, int)
                assert isinstance(message.redelivered, bool)
        assert rabbit.event_source_arn.startswith("arn:aws:mq:")
        return
    active = ActiveMQEvent(event)
    for message in active.messages:
        assert message.json_data == {"example": "message"}
        assert message.destination_physicalname
        assert isinstance(message.timestamp, int) and isinstance(message.broker_out_time, int)
        assert message.message_id.startswith("ID:")
    assert active.event_source == "aws:mq"


# Sources powertools has only data classes for: a check that reads them as a handler would.
POWERTOOLS_DATA_CLASSES: dict[type[EventSource], Any] = {MqEvent: _read_mq}

# Sources powertools knows nothing of: AWS's documented example event, whose shape (every key
# at every level, and the type of each value) the sample must have. DocumentDB: the example of
# https://docs.aws.amazon.com/lambda/latest/dg/with-documentdb.html ("Example Amazon
# DocumentDB event"); a document's own fields (`fullDocument`) are the user's and not compared.
DOCUMENTED_EVENTS: dict[type[EventSource], dict[str, Any]] = {
    DocumentDbEvent: {
        "eventSourceArn": "arn:aws:rds:us-east-1:123456789012:cluster:canaryclusterb2a659a2",
        "events": [{"event": {
            "_id": {"_data": "0163eeb6e7000000090100000009000041e1"},
            "clusterTime": {"$timestamp": {"t": 1676588775, "i": 9}},
            "documentKey": {"_id": {"$oid": "63eeb6e7d418cd98afb1c1d7"}},
            "fullDocument": {"_id": {"$oid": "63eeb6e7d418cd98afb1c1d7"},
                             "anyField": "sampleValue"},
            "ns": {"db": "test_database", "coll": "test_collection"},
            "operationType": "insert",
        }}],
        "eventSource": "aws:docdb",
    },
}


def _shape(value: Any, *, skip: frozenset[str] = frozenset({"fullDocument"})) -> Any:
    if isinstance(value, dict):
        return {key: "user data" if key in skip else _shape(item)
                for key, item in value.items()}
    if isinstance(value, list):
        return [_shape(item) for item in value[:1]]
    return type(value).__name__
# What a resource-based permission may name as its scope (one is enough).
PERMISSION_SCOPES = ("SourceArn", "SourceAccount", "EventSourceToken")


def _transformed(case: str) -> dict[str, Any]:
    return sam_transform(synth_file(GOLDENS / case / "app.py").template)


def _sources(case: str) -> list[tuple[Function, EventSource]]:
    app = load_app(str(GOLDENS / case / "app.py"))
    return [(fn, source) for fn in app.all_functions() for source in fn.live_events()]


def test_there_are_event_goldens() -> None:
    assert "events_sqs" in EVENT_CASES


@pytest.mark.parametrize("case", EVENT_CASES)
def test_invoke_permissions_are_scoped_to_their_source(case: str) -> None:
    resources = _transformed(case)["Resources"]
    unscoped = [logical_id for logical_id, resource in resources.items()
                if resource["Type"] == "AWS::Lambda::Permission"
                and not any(key in resource["Properties"] for key in PERMISSION_SCOPES)]
    assert unscoped == []


@pytest.mark.parametrize("case", EVENT_CASES)
def test_pollers_read_exactly_their_source(case: str) -> None:
    resources = _transformed(case)["Resources"]
    for logical_id, mapping in resources.items():
        if mapping["Type"] != "AWS::Lambda::EventSourceMapping":
            continue
        function = mapping["Properties"]["FunctionName"]["Ref"]
        role = resources[function]["Properties"]["Role"]["Fn::GetAtt"][0]
        statements = [s for policy in resources[role]["Properties"]["Policies"]
                      for s in policy["PolicyDocument"]["Statement"]]
        source = mapping["Properties"].get("EventSourceArn")
        if source is None:  # self-managed Kafka: no AWS resource, only its secrets to read
            secrets = [c["URI"] for c in mapping["Properties"].get(
                "SourceAccessConfigurations", []) if not c["Type"].startswith("VPC_")]
            for secret in secrets:
                assert any(secret in s["Resource"] for s in statements), (logical_id, secret)
            continue
        readers = [s for s in statements if any(_names(r, source) for r in s["Resource"])]
        assert readers, f"{logical_id}: no statement of {role} names {source}"
        for statement in readers:
            assert "*" not in statement["Resource"], logical_id


@pytest.mark.parametrize("case", EVENT_CASES)
def test_failure_destinations_are_writable_by_their_function(case: str) -> None:
    """Lambda sends a mapping's failure records with the function's role."""
    resources = _transformed(case)["Resources"]
    for logical_id, mapping in resources.items():
        if mapping["Type"] != "AWS::Lambda::EventSourceMapping":
            continue
        destination = mapping["Properties"].get("DestinationConfig", {}).get(
            "OnFailure", {}).get("Destination")
        if destination is None:
            continue
        function = mapping["Properties"]["FunctionName"]["Ref"]
        role = resources[function]["Properties"]["Role"]["Fn::GetAtt"][0]
        actions = {action for policy in resources[role]["Properties"]["Policies"]
                   for s in policy["PolicyDocument"]["Statement"] if destination in s["Resource"]
                   for action in s["Action"]}
        assert actions & {"sqs:SendMessage", "sns:Publish", "s3:ListBucket"}, logical_id


def _names(resource: Any, source: Any) -> bool:
    """The statement's resource is the source, or an ARN pattern that matches it (an existing
    table's stream, whose label only DynamoDB knows, is granted as `table/NAME/stream/*`)."""
    if resource == source:
        return True
    pattern, arn = (value.get("Fn::Sub") if isinstance(value, dict) else None
                    for value in (resource, source))
    return (isinstance(pattern, str) and isinstance(arn, str) and "*" in pattern
            and fnmatch.fnmatchcase(arn, pattern))


@pytest.mark.parametrize("case", EVENT_CASES)
def test_sample_events_parse_with_powertools(case: str) -> None:
    for fn, source in _sources(case):
        event = source.sample_event(fn)
        if (model := POWERTOOLS_MODELS.get(type(source))) is not None:
            model.model_validate(copy.deepcopy(event))  # Kafka's validators decode in place
        elif (reader := POWERTOOLS_DATA_CLASSES.get(type(source))) is not None:
            reader(event)
        else:
            assert _shape(event) == _shape(DOCUMENTED_EVENTS[type(source)])
        assert json.loads(json.dumps(event)) == event  # plain JSON: what Lambda delivers
        assert source.sample_event(fn) == event


def test_every_source_type_in_the_goldens_has_a_model() -> None:
    used = {type(source) for case in EVENT_CASES for _, source in _sources(case)}
    checked = {*POWERTOOLS_MODELS, *POWERTOOLS_DATA_CLASSES, *DOCUMENTED_EVENTS}
    assert used - checked == set()
