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

import json
from pathlib import Path
from typing import Any, ClassVar

import pytest
from aws_lambda_powertools.utilities.parser import models as powertools
from helpers import synth_file

from lambdakit.check.sam import sam_transform
from lambdakit.cli.loader import load_app
from lambdakit.events import (
    AlexaSkillEvent,
    ApiEvent,
    CognitoTrigger,
    FunctionUrl,
    HttpApiEvent,
    IotRuleEvent,
    LogsSubscriptionEvent,
    SqsEvent,
)
from lambdakit.model import EventSource, Function
from lambdakit.rules.policy_size import policy_plan
from lambdakit.rules.structure import stack_resource_count

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
    functions = app.all_functions()
    plans = {id(fn): policy_plan(fn) for fn in functions}
    assert stack_resource_count(app, functions, plans) == len(_transformed(case)["Resources"])


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
        readers = [s for s in statements if source in s["Resource"]]
        assert readers, f"{logical_id}: no statement of {role} names {source}"
        for statement in readers:
            assert "*" not in statement["Resource"], logical_id


@pytest.mark.parametrize("case", EVENT_CASES)
def test_sample_events_parse_with_powertools(case: str) -> None:
    for fn, source in _sources(case):
        model = POWERTOOLS_MODELS.get(type(source))
        shape = DOCUMENTED_SHAPES.get(type(source))
        event = source.sample_event(fn)
        if model is not None:
            model.model_validate(event)
        elif shape is not None:
            shape(event)
        else:
            continue  # neither (test_every_source_type_in_the_goldens_has_a_model)
        assert json.loads(json.dumps(event)) == event  # plain JSON: what Lambda delivers
        assert source.sample_event(fn) == event


def test_every_source_type_in_the_goldens_has_a_model() -> None:
    used = {type(source) for case in EVENT_CASES for _, source in _sources(case)}
    assert used - set(POWERTOOLS_MODELS) - set(DOCUMENTED_SHAPES) == set()


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
