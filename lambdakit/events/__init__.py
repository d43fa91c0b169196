"""Event sources, one module per family. Each binds to a function and says what it implies:
the SAM event, the role's access, Lambda's invoke permission (SAM writes it, scoped to the
source), and the checks in `lambdakit.rules.events`."""

from lambdakit.events.alexa import AlexaSkillEvent
from lambdakit.events.cloudwatch_logs import LogsSubscriptionEvent
from lambdakit.events.cognito import CognitoTrigger
from lambdakit.events.iot import IotRuleEvent
from lambdakit.events.sqs import SqsEvent
from lambdakit.model import Binding, EventSource

__all__ = [
    "AlexaSkillEvent",
    "Binding",
    "CognitoTrigger",
    "EventSource",
    "IotRuleEvent",
    "LogsSubscriptionEvent",
    "SqsEvent",
]
