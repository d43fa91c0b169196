"""SNS event sources: what Lambda can subscribe to, and filter policies SNS accepts."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from typing import Any

from lambdakit.events import SqsEvent
from lambdakit.events.sns import SnsEvent
from lambdakit.limits import quotas as q
from lambdakit.model import Function
from lambdakit.rules.context import RuleContext
from lambdakit.rules.events.chains import writers_of
from lambdakit.rules.events.sqs import check_shared_queues, check_sqs_event


def check_sns_event(ctx: RuleContext, fn: Function, source: SnsEvent) -> None:
    fifo_topic = source.topic.fifo or (source.topic.existing_arn or "").endswith(".fifo")
    buffer = source.buffer()
    if buffer is None and fifo_topic:
        ctx.report("LK364", source,
                   f"{source.topic.id} is a FIFO topic: SNS delivers FIFO topics to SQS queues "
                   "only, never to a function",
                   "set sqs_buffer=True to deliver through a FIFO queue the function polls; "
                   + q.SNS_FIFO_DOC, owner=fn)
    if buffer is not None:
        _check_buffer(ctx, fn, source, buffer, fifo_topic)
    if source.filter_policy is not None:
        check_filter_policy(ctx, source, source.filter_policy, source.filter_policy_scope)
    else:
        _check_recursion(ctx, fn, source)


def _check_recursion(ctx: RuleContext, fn: Function, source: SnsEvent) -> None:
    """Without a filter policy every message it publishes to its own topic comes back (with
    one, its own messages may be filtered out: that cannot be judged here)."""
    if fn.allow_recursive_loop:
        return
    for writer, grant in writers_of(ctx.app, fn):
        if grant.resource is source.topic and grant.access == "publish":
            via = "" if writer is fn else f" through {writer.id} (which {fn.id} starts)"
            ctx.report("LK361", source,
                       f"{fn.id} is triggered by {source.topic.id} and publishes to it{via} "
                       f"({grant.describe()} at {grant.origin.display()}): each message it "
                       "publishes invokes it again, in a loop",
                       "publish to another topic, or give the subscription a filter_policy "
                       "that its own messages do not match; if the loop is intended, set "
                       "allow_recursive_loop='why it ends'", owner=fn)
            return


def _check_buffer(ctx: RuleContext, fn: Function, source: SnsEvent, buffer: SqsEvent,
                  fifo_topic: bool) -> None:
    """The topic must be able to write to the queue; the queue is then checked as any SQS
    source is."""
    queue = buffer.queue
    problem = ""
    if queue.is_existing:
        problem = (f"{queue.id} is an existing queue: the topic may send to it only through "
                   "a queue policy, which lambdakit writes into queues the app owns")
    elif queue.key is not None and queue.key.is_existing:
        problem = (f"{queue.id} is encrypted with the existing key {queue.key.id}, whose key "
                   "policy lambdakit cannot extend to let SNS write to the queue")
    elif queue.fifo != fifo_topic:
        problem = (f"{queue.id} is a {'FIFO' if queue.fifo else 'standard'} queue and "
                   f"{source.topic.id} a {'FIFO' if fifo_topic else 'standard'} topic: SNS "
                   "delivers FIFO topics to FIFO queues and standard topics to standard queues")
    if problem:
        ctx.report("LK364", source, f"sqs_buffer: {problem}",
                   "use sqs_buffer=True for a queue lambdakit creates to suit the topic; "
                   + q.SNS_SQS_DOC, owner=fn)
        return
    check_sqs_event(ctx, fn, buffer)


def check_filter_policy(ctx: RuleContext, source: SnsEvent, policy: dict[str, Any],
                        scope: str) -> None:
    """SNS's documented constraints: at most 5 keys, at most 150 combinations of values,
    256 KB, and no nesting when filtering on message attributes."""
    where = q.SNS_FILTER_POLICY_DOC
    if not policy:
        ctx.report("LK365", source, "filter_policy is empty",
                   "leave filter_policy unset to receive every message")
        return
    size = len(json.dumps(policy, separators=(",", ":")).encode())
    if size > q.SNS_FILTER_POLICY_MAX_BYTES.value:
        ctx.report("LK365", source, f"filter_policy is {size} bytes as JSON, SNS takes at most "
                   f"{q.SNS_FILTER_POLICY_MAX_BYTES.value}", f"shorten it; {where}")
    if scope == "MessageAttributes":
        nested = sorted(key for key, value in policy.items()
                        if isinstance(value, dict) and not key.startswith("$"))
        if nested:
            ctx.report("LK365", source,
                       f"filter_policy nests under {', '.join(map(repr, nested))}: SNS takes "
                       "no nested policy when filtering on message attributes",
                       "give each attribute a list of values, or filter the JSON body with "
                       f"filter_policy_scope='MessageBody'; {where}")
            return
    if any(key == "$or" for key, _ in _walk(policy)):
        return  # `$or` branches count apart; SNS itself is the judge there
    leaves = [values for _, values in _walk(policy) if isinstance(values, list)]
    keys = q.SNS_FILTER_POLICY_KEYS_MAX.value
    if len(leaves) > keys:
        ctx.report("LK365", source,
                   f"filter_policy has {len(leaves)} keys, SNS takes at most {keys}",
                   f"filter on fewer attributes, or filter the rest in the handler; {where}")
    combinations = math.prod(max(len(values), 1) for values in leaves)
    most = q.SNS_FILTER_POLICY_COMBINATIONS_MAX.value
    if combinations > most:
        ctx.report("LK365", source,
                   f"filter_policy has {combinations} combinations of values (the product of "
                   f"each key's number of values), SNS takes at most {most}",
                   f"list fewer values, or use a prefix or anything-but match; {where}")


def _walk(policy: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    for key, value in policy.items():
        yield key, value
        if isinstance(value, dict):
            yield from _walk(value)


# How rules/events finds this family's checks.
check_source = check_sns_event
check_family = check_shared_queues  # a buffered subscription reads its queue as SQS does
