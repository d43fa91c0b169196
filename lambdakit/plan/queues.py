"""What the app's queues need from their consumers: a visibility timeout long enough for
every function that polls them, derived when the user leaves it unset."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from lambdakit.limits import quotas as q
from lambdakit.model import Function, Queue
from lambdakit.model.resources.queue import SQS_DEFAULT_VISIBILITY_S

if TYPE_CHECKING:
    from lambdakit.events import SqsEvent


def needed_visibility(functions: list[Function]) -> dict[int, int]:
    """`id(queue)` → the longest visibility timeout its consumers need (six times a consumer's
    timeout plus its batching window): one pass over the app, not one per queue."""
    needed: dict[int, int] = {}
    for fn in functions:
        for source in sqs_pollers(fn):
            seconds = recommended_visibility(fn, source.batching_window)
            needed[id(source.queue)] = max(needed.get(id(source.queue), 0), seconds)
    return needed


def visibility_timeout(queue: Queue, needed: dict[int, int]) -> int:
    """The queue's visibility timeout: as given, or derived from its consumers (`needed`, from
    `needed_visibility`)."""
    if queue.visibility_timeout is not None:
        return queue.visibility_timeout
    return max(SQS_DEFAULT_VISIBILITY_S, needed.get(id(queue), 0))


def sqs_pollers(fn: Function) -> list[SqsEvent]:
    """The function's SQS sources: its `SqsEvent`s, and the queues its buffered SNS
    subscriptions deliver through."""
    pollers = (source.sqs_poller() for source in fn.live_events())
    return [cast("SqsEvent", poller) for poller in pollers if poller is not None]


def recommended_visibility(fn: Function, window: int) -> int:
    return q.SQS_VISIBILITY_FACTOR.value * fn.timeout + window
