"""What every event source must get right, checked on every golden app that has sources:

- after the real SAM transform, Lambda's resource-based permissions are scoped to their source
  (a source ARN or account, or an Alexa skill id), never open to a whole service;
- every event source mapping's source is readable by exactly that function's role, and the
  role reads nothing else because of it;
- the sample event of each source is what the ecosystem's own event models accept
  (aws-lambda-powertools' parser models), and is the same on every run.
"""

from __future__ import annotations

import fnmatch
import json
from pathlib import Path
from typing import Any

import pytest
from aws_lambda_powertools.utilities.parser import models as powertools
from helpers import synth_file

from lambdakit.check.sam import sam_transform
from lambdakit.cli.loader import load_app
from lambdakit.events import DynamoDbStreamEvent, KinesisEvent, SqsEvent
from lambdakit.model import EventSource, Function

GOLDENS = Path(__file__).resolve().parent / "goldens"
EVENT_CASES = sorted(p.name for p in GOLDENS.iterdir()
                     if p.name.startswith("events_") and (p / "app.py").is_file())

# Each source type → the powertools model its handler would parse the event with.
POWERTOOLS_MODELS: dict[type[EventSource], Any] = {
    SqsEvent: powertools.SqsModel,
    KinesisEvent: powertools.KinesisDataStreamModel,
    DynamoDbStreamEvent: powertools.DynamoDBStreamModel,
}
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
        source = mapping["Properties"]["EventSourceArn"]
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
        model = POWERTOOLS_MODELS.get(type(source))
        if model is None:
            continue  # no powertools model for this source (test_every_source_has_a_model)
        event = source.sample_event(fn)
        model.model_validate(event)
        assert json.loads(json.dumps(event)) == event  # plain JSON: what Lambda delivers
        assert source.sample_event(fn) == event


def test_every_source_type_in_the_goldens_has_a_model() -> None:
    used = {type(source) for case in EVENT_CASES for _, source in _sources(case)}
    assert used - set(POWERTOOLS_MODELS) == set()
