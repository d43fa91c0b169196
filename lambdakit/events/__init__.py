"""Event sources, one module per family. Each binds to a function and says what it implies:
the SAM event, the role's access, Lambda's invoke permission (SAM writes it, scoped to the
source), and the checks in `lambdakit.rules.events`.

A family's module is imported when one of its names is first asked for (`from lambdakit.events
import SqsEvent`): an app pays only for the families it uses.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from lambdakit.model import Binding, EventSource

if TYPE_CHECKING:
    from lambdakit.events._web import Cors, Throttling
    from lambdakit.events.alexa import AlexaSkillEvent
    from lambdakit.events.brokers import (
        BrokerSource,
        DocumentDbEvent,
        KafkaSource,
        MqEvent,
        MskEvent,
        SelfManagedKafkaEvent,
    )
    from lambdakit.events.cloudwatch_logs import LogsSubscriptionEvent
    from lambdakit.events.cognito import CognitoTrigger
    from lambdakit.events.deployment_hooks import (
        DeploymentHook,
        PostTrafficHook,
        PreTrafficHook,
    )
    from lambdakit.events.eventbridge import EventBridgeRule
    from lambdakit.events.http_api import HttpApi, HttpApiEvent, JwtAuthorizer
    from lambdakit.events.iot import IotRuleEvent
    from lambdakit.events.rest import ApiEvent, CognitoAuthorizer, LambdaAuthorizer, RestApi
    from lambdakit.events.s3 import S3Event
    from lambdakit.events.schedule import ScheduleEvent
    from lambdakit.events.sns import SnsEvent
    from lambdakit.events.sqs import SqsEvent
    from lambdakit.events.streams import DynamoDbStreamEvent, KinesisEvent, StreamSource
    from lambdakit.events.url import FunctionUrl

# name -> the module (under lambdakit.events) that defines it
_LAZY: dict[str, str] = {
    "AlexaSkillEvent": "alexa",
    "ApiEvent": "rest",
    "BrokerSource": "brokers",
    "CognitoAuthorizer": "rest",
    "CognitoTrigger": "cognito",
    "Cors": "_web",
    "DeploymentHook": "deployment_hooks",
    "DocumentDbEvent": "brokers",
    "DynamoDbStreamEvent": "streams",
    "EventBridgeRule": "eventbridge",
    "FunctionUrl": "url",
    "HttpApi": "http_api",
    "HttpApiEvent": "http_api",
    "IotRuleEvent": "iot",
    "JwtAuthorizer": "http_api",
    "KafkaSource": "brokers",
    "KinesisEvent": "streams",
    "LambdaAuthorizer": "rest",
    "LogsSubscriptionEvent": "cloudwatch_logs",
    "MqEvent": "brokers",
    "MskEvent": "brokers",
    "PostTrafficHook": "deployment_hooks",
    "PreTrafficHook": "deployment_hooks",
    "RestApi": "rest",
    "S3Event": "s3",
    "ScheduleEvent": "schedule",
    "SelfManagedKafkaEvent": "brokers",
    "SnsEvent": "sns",
    "SqsEvent": "sqs",
    "StreamSource": "streams",
    "Throttling": "_web",
}

__all__ = [
    "AlexaSkillEvent",
    "ApiEvent",
    "Binding",
    "BrokerSource",
    "CognitoAuthorizer",
    "CognitoTrigger",
    "Cors",
    "DeploymentHook",
    "DocumentDbEvent",
    "DynamoDbStreamEvent",
    "EventBridgeRule",
    "EventSource",
    "FunctionUrl",
    "HttpApi",
    "HttpApiEvent",
    "IotRuleEvent",
    "JwtAuthorizer",
    "KafkaSource",
    "KinesisEvent",
    "LambdaAuthorizer",
    "LogsSubscriptionEvent",
    "MqEvent",
    "MskEvent",
    "PostTrafficHook",
    "PreTrafficHook",
    "RestApi",
    "S3Event",
    "ScheduleEvent",
    "SelfManagedKafkaEvent",
    "SnsEvent",
    "SqsEvent",
    "StreamSource",
    "Throttling",
]


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # asked once: later lookups find it here
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
