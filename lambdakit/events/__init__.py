"""Event sources, one module per family. Each binds to a function and says what it implies:
the SAM event, the role's access, Lambda's invoke permission (SAM writes it, scoped to the
source), and the checks in `lambdakit.rules.events`."""

from lambdakit.events.eventbridge import EventBridgeRule
from lambdakit.events.s3 import S3Event
from lambdakit.events.schedule import ScheduleEvent
from lambdakit.events.sns import SnsEvent
from lambdakit.events.sqs import SqsEvent
from lambdakit.model import Binding, EventSource

__all__ = [
    "Binding",
    "EventBridgeRule",
    "EventSource",
    "S3Event",
    "ScheduleEvent",
    "SnsEvent",
    "SqsEvent",
]
