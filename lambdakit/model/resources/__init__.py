"""AWS resources functions are granted access to: one module per family."""

from lambdakit.model.grants import Grant
from lambdakit.model.resources.base import Resource
from lambdakit.model.resources.bucket import Bucket
from lambdakit.model.resources.bus import EventBus
from lambdakit.model.resources.compute import ExistingFunction, StateMachine
from lambdakit.model.resources.key import Key
from lambdakit.model.resources.queue import Queue
from lambdakit.model.resources.secret import Parameter, Secret
from lambdakit.model.resources.stream import Stream
from lambdakit.model.resources.table import Index, Table
from lambdakit.model.resources.topic import Topic
from lambdakit.model.resources.user_pool import UserPool

__all__ = [
    "Bucket",
    "EventBus",
    "ExistingFunction",
    "Grant",
    "Index",
    "Key",
    "Parameter",
    "Queue",
    "Resource",
    "Secret",
    "StateMachine",
    "Stream",
    "Table",
    "Topic",
    "UserPool",
]
