"""Event sources, one module per family. Each binds to a function and says what it implies:
the SAM event, the role's access, Lambda's invoke permission (SAM writes it, scoped to the
source), and the checks in `lambdakit.rules.events`."""

from lambdakit.events._web import Cors, Throttling
from lambdakit.events.alexa import AlexaSkillEvent
from lambdakit.events.cloudwatch_logs import LogsSubscriptionEvent
from lambdakit.events.cognito import CognitoTrigger
from lambdakit.events.http_api import HttpApi, HttpApiEvent, JwtAuthorizer
from lambdakit.events.iot import IotRuleEvent
from lambdakit.events.rest import ApiEvent, CognitoAuthorizer, LambdaAuthorizer, RestApi
from lambdakit.events.sqs import SqsEvent
from lambdakit.events.url import FunctionUrl
from lambdakit.model import Binding, EventSource

__all__ = [

    "AlexaSkillEvent",
    "ApiEvent",
    "Binding",
    "CognitoAuthorizer",
    "CognitoTrigger",
    "Cors",
    "EventSource",
    "FunctionUrl",
    "HttpApi",
    "HttpApiEvent",
    "IotRuleEvent",
    "JwtAuthorizer",
    "LambdaAuthorizer",
    "LogsSubscriptionEvent",
    "RestApi",
    "SqsEvent",
    "Throttling",
]
