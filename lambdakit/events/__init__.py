"""Event sources, one module per family. Each binds to a function and says what it implies:
the SAM event, the role's access, Lambda's invoke permission (SAM writes it, scoped to the
source), and the checks in `lambdakit.rules.events`."""

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
from lambdakit.events.deployment_hooks import DeploymentHook, PostTrafficHook, PreTrafficHook
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
from lambdakit.model import Binding, EventSource

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
