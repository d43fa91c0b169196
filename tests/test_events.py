"""What every event source must get right, checked on every golden app that has sources:

- after the real SAM transform, Lambda's resource-based permissions are scoped to their source
  (a source ARN or account, or an Alexa skill id), never open to a whole service; the one
  documented exception is a public function URL (`FunctionUrl(auth="none", public=reason)`),
  whose two permissions are open to every principal by definition, and only through the URL;
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
from typing import Any, ClassVar

import pytest
from aws_lambda_powertools.utilities.data_classes.active_mq_event import ActiveMQEvent
from aws_lambda_powertools.utilities.data_classes.rabbit_mq_event import RabbitMQEvent
from aws_lambda_powertools.utilities.parser import models as powertools
from helpers import synth_file

from lambdakit.check.sam import sam_transform
from lambdakit.cli.loader import load_app
from lambdakit.events import (
    AlexaSkillEvent,
    ApiEvent,
    CognitoTrigger,
    DocumentDbEvent,
    DynamoDbStreamEvent,
    EventBridgeRule,
    FunctionUrl,
    HttpApiEvent,
    IotRuleEvent,
    KinesisEvent,
    LogsSubscriptionEvent,
    MqEvent,
    MskEvent,
    S3Event,
    ScheduleEvent,
    SelfManagedKafkaEvent,
    SnsEvent,
    SqsEvent,
)
from lambdakit.model import EventSource, Function
from lambdakit.plan import plan_app

GOLDENS = Path(__file__).resolve().parent / "goldens"
EVENT_CASES = sorted(p.name for p in GOLDENS.iterdir()
                     if p.name.startswith("events_") and (p / "app.py").is_file())



class CognitoModels:
    """Cognito's event has one shape per trigger, and powertools one model per shape."""

    BY_TRIGGER_SOURCE: ClassVar[dict[str, Any]] = {
        "PreSignUp": powertools.CognitoPreSignupTriggerModel,
        "PostConfirmation": powertools.CognitoPostConfirmationTriggerModel,
        "PreAuthentication": powertools.CognitoPreAuthenticationTriggerModel,
        "PostAuthentication": powertools.CognitoPostAuthenticationTriggerModel,
        "TokenGeneration": powertools.CognitoPreTokenGenerationTriggerModelV1,
        "UserMigration": powertools.CognitoMigrateUserTriggerModel,
        "CustomMessage": powertools.CognitoCustomMessageTriggerModel,
        "DefineAuthChallenge": powertools.CognitoDefineAuthChallengeTriggerModel,
        "CreateAuthChallenge": powertools.CognitoCreateAuthChallengeTriggerModel,
        "VerifyAuthChallengeResponse": powertools.CognitoVerifyAuthChallengeTriggerModel,
    }

    @classmethod
    def model_validate(cls, event: dict[str, Any]) -> Any:
        flow = event["triggerSource"].split("_", 1)[0]
        return cls.BY_TRIGGER_SOURCE[flow].model_validate(event)


# Each source type → the powertools model its handler would parse the event with.
POWERTOOLS_MODELS: dict[type[EventSource], Any] = {
    SqsEvent: powertools.SqsModel,
    ApiEvent: powertools.APIGatewayProxyEventModel,
    HttpApiEvent: powertools.APIGatewayProxyEventV2Model,
    FunctionUrl: powertools.LambdaFunctionUrlModel,
    LogsSubscriptionEvent: powertools.CloudWatchLogsModel,
    CognitoTrigger: CognitoModels,
    S3Event: powertools.S3Model,
    SnsEvent: powertools.SnsModel,
    EventBridgeRule: powertools.EventBridgeModel,
    KinesisEvent: powertools.KinesisDataStreamModel,
    DynamoDbStreamEvent: powertools.DynamoDBStreamModel,
    MskEvent: powertools.KafkaMskEventModel,
    SelfManagedKafkaEvent: powertools.KafkaSelfManagedEventModel,
}
# Sources that have no powertools model: what their delivered event is documented to be,
# checked against the transformed template. EventBridge Scheduler passes the target's `Input`
# to the function unchanged (its API reference, `Target.Input`).
DELIVERED_AS_CONFIGURED: dict[type[EventSource], str] = {
    ScheduleEvent: "AWS::Scheduler::Schedule",
}


def _iot_rule_output(event: dict[str, Any]) -> None:
    """An IoT rule's Lambda action passes the SELECT's result itself: a JSON object of the
    selected fields (or the message, for SELECT *), with no envelope a model could check."""
    assert isinstance(event, dict) and event


def _alexa_request(event: dict[str, Any]) -> None:
    """The Alexa Skills Kit request envelope (version, session, context, request), as its JSON
    reference documents it; powertools has no model for it."""
    assert event["version"] == "1.0"
    assert event["request"]["type"] == "LaunchRequest"
    skill = event["session"]["application"]["applicationId"]
    assert skill == event["context"]["System"]["application"]["applicationId"]
    assert skill.startswith("amzn1.ask.skill.")


# Sources powertools has no model for: the documented shape, checked by hand.
DOCUMENTED_SHAPES: dict[type[EventSource], Any] = {
    IotRuleEvent: _iot_rule_output,
    AlexaSkillEvent: _alexa_request,
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
    public_urls = _public_url_functions(case)
    unscoped = [logical_id for logical_id, resource in resources.items()
                if resource["Type"] == "AWS::Lambda::Permission"
                and not any(key in resource["Properties"] for key in PERMISSION_SCOPES)
                and not _is_public_url_permission(resource["Properties"], public_urls)]
    assert unscoped == []


def _public_url_functions(case: str) -> set[str]:
    """Functions the app declares a public URL for, each with its reason."""
    return {fn.id for fn, source in _sources(case)
            if isinstance(source, FunctionUrl) and source.auth == "none"
            and source.public and source.public.strip()}


def _is_public_url_permission(properties: dict[str, Any], public_urls: set[str]) -> bool:
    """A public function URL needs `lambda:InvokeFunctionUrl` for everyone with auth type
    NONE, and `lambda:InvokeFunction` for everyone only when invoked through the URL: open to
    every principal by definition (AWS: "Control access to function URLs"), and only for a
    function whose app says the URL is public, and why."""
    if properties.get("Principal") != "*" or properties.get("FunctionName", {}).get(
            "Ref") not in public_urls:
        return False
    action = properties.get("Action")
    return ((action == "lambda:InvokeFunctionUrl"
             and properties.get("FunctionUrlAuthType") == "NONE")
            or (action == "lambda:InvokeFunction"
                and properties.get("InvokedViaFunctionUrl") is True))


def test_only_public_urls_are_open_to_every_principal() -> None:
    """The exception above is exactly the public URLs: an IAM URL gets no permission at all."""
    resources = _transformed("events_http_url")["Resources"]
    open_to_all = sorted(logical_id for logical_id, resource in resources.items()
                         if resource["Type"] == "AWS::Lambda::Permission"
                         and resource["Properties"].get("Principal") == "*")
    assert open_to_all == ["WebhookURLInvokeAllowPublicAccess", "WebhookUrlPublicPermissions"]
    assert _public_url_functions("events_http_url") == {"Webhook"}


@pytest.mark.parametrize("case", EVENT_CASES)
def test_the_stack_count_is_what_the_transform_deploys(case: str) -> None:
    """LK007 counts resources before the transform; sources add permissions, mappings, APIs."""
    app = load_app(str(GOLDENS / case / "app.py"))
    assert len(plan_app(app).resources) == len(_transformed(case)["Resources"])


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
        model = POWERTOOLS_MODELS.get(type(source))
        if isinstance(source, SnsEvent) and source.buffer() is not None:
            # Through a queue: SQS records whose bodies are SNS's notifications.
            model = powertools.SqsModel
            for record in event["Records"]:
                powertools.SnsNotificationModel.model_validate_json(record["body"])
        if model is not None:
            model.model_validate(copy.deepcopy(event))  # Kafka's validators decode in place
        elif (shape := DOCUMENTED_SHAPES.get(type(source))) is not None:
            shape(event)
        elif (reader := POWERTOOLS_DATA_CLASSES.get(type(source))) is not None:
            reader(event)
        elif type(source) in DOCUMENTED_EVENTS:
            assert _shape(event) == _shape(DOCUMENTED_EVENTS[type(source)])
        else:
            continue  # delivered as configured: test_sample_events_are_what_the_template_delivers
        assert json.loads(json.dumps(event)) == event  # plain JSON: what Lambda delivers
        assert source.sample_event(fn) == event


@pytest.mark.parametrize("case", EVENT_CASES)
def test_sample_events_are_what_the_template_delivers(case: str) -> None:
    """For sources without a model: the sample is the `Input` the deployed target holds."""
    resources = _transformed(case)["Resources"]
    for fn, source in _sources(case):
        resource_type = DELIVERED_AS_CONFIGURED.get(type(source))
        if resource_type is None:
            continue
        target = resources[f"{fn.id}{source.event_name()}"]
        assert target["Type"] == resource_type
        assert source.sample_event(fn) == json.loads(target["Properties"]["Target"]["Input"])


def test_every_source_type_in_the_goldens_has_a_model() -> None:
    used = {type(source) for case in EVENT_CASES for _, source in _sources(case)}
    checked = {*POWERTOOLS_MODELS, *DOCUMENTED_SHAPES, *DELIVERED_AS_CONFIGURED,
               *POWERTOOLS_DATA_CLASSES, *DOCUMENTED_EVENTS}
    assert used - checked == set()


def test_every_cognito_trigger_has_a_sample_the_models_accept() -> None:
    from lambdakit import UserPool
    from lambdakit.events.cognito import TRIGGERS

    fn = Function(id="Trigger", handler="svc.handler.handle", code="goldens/_code",
                  runtime="python3.13")
    for trigger in TRIGGERS:
        event = CognitoTrigger(user_pool=UserPool(id="Pool"), trigger=trigger).sample_event(fn)
        CognitoModels.model_validate(event)


def test_log_events_decode_to_the_subscribed_group() -> None:
    fn = Function(id="Reader", handler="svc.handler.handle", code="goldens/_code",
                  runtime="python3.13")
    source = LogsSubscriptionEvent(log_group="/aws/lambda/billing")
    decoded = powertools.CloudWatchLogsModel.model_validate(source.sample_event(fn))
    assert decoded.awslogs.decoded_data.logGroup == "/aws/lambda/billing"
    assert decoded.awslogs.decoded_data.subscriptionFilters == ["ReaderLogsAwsLambdaBilling"]
