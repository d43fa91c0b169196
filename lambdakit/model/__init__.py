"""User-facing constructs. Imports pydantic and the standard library only."""

from lambdakit.model.app import App
from lambdakit.model.base import Construct
from lambdakit.model.deployment import AllAtOnce, Canary, Linear, TrafficShift
from lambdakit.model.event_source import Binding, EventSource, Invocation
from lambdakit.model.function import Function
from lambdakit.model.grants import Grant
from lambdakit.model.layer import Layer
from lambdakit.model.logs import Logging
from lambdakit.model.provisioned import ProvisionedConcurrency, ScheduledCapacity
from lambdakit.model.refs import Ref
from lambdakit.model.resources import (
    Bucket,
    EventBus,
    ExistingFunction,
    Index,
    Key,
    Parameter,
    Queue,
    Resource,
    Secret,
    StateMachine,
    Stream,
    StreamConsumer,
    Table,
    Topic,
    UserPool,
)
from lambdakit.model.statements import Statement
from lambdakit.model.vpc import EfsMount, Imported, Vpc

__all__ = [
    "AllAtOnce",
    "App",
    "Binding",
    "Bucket",
    "Canary",
    "Construct",
    "EfsMount",
    "EventBus",
    "EventSource",
    "ExistingFunction",
    "Function",
    "Grant",
    "Imported",
    "Index",
    "Invocation",
    "Key",
    "Layer",
    "Linear",
    "Logging",
    "Parameter",
    "ProvisionedConcurrency",
    "Queue",
    "Ref",
    "Resource",
    "ScheduledCapacity",
    "Secret",
    "StateMachine",
    "Statement",
    "Stream",
    "StreamConsumer",
    "Table",
    "Topic",
    "TrafficShift",
    "UserPool",
    "Vpc",
]
