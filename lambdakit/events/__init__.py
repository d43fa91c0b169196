"""Event sources, one module per family. Each binds to a function and says what it implies:
the SAM event, the role's access, Lambda's invoke permission (SAM writes it, scoped to the
source), and the checks in `lambdakit.rules.events`."""

from lambdakit.events.brokers import (
    BrokerSource,
    DocumentDbEvent,
    KafkaSource,
    MqEvent,
    MskEvent,
    SelfManagedKafkaEvent,
)
from lambdakit.events.sqs import SqsEvent
from lambdakit.events.streams import DynamoDbStreamEvent, KinesisEvent, StreamSource
from lambdakit.model import Binding, EventSource

__all__ = [
    "Binding",
    "BrokerSource",
    "DocumentDbEvent",
    "DynamoDbStreamEvent",
    "EventSource",
    "KafkaSource",
    "KinesisEvent",
    "MqEvent",
    "MskEvent",
    "SelfManagedKafkaEvent",
    "SqsEvent",
    "StreamSource",
]
