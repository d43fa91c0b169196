"""Checks every family shares: event names, filters."""

from __future__ import annotations

import json
from typing import Any

from lambdakit.limits import quotas as q
from lambdakit.model import Bucket, EventSource, Function, Queue, Topic
from lambdakit.rules.context import RuleContext


def check_event_names(ctx: RuleContext, fn: Function) -> None:
    seen: dict[str, EventSource] = {}
    for source in fn.live_events():
        if not source.sam_type:
            continue  # set on the function itself (a function URL): no key under `Events`
        name = source.event_name()
        first = seen.setdefault(name, source)
        if first is not source:
            ctx.report("LK300", source,
                       f"{fn.id} already has an event named {name!r} "
                       f"(at {first.origin.display()})",
                       f"give one of them its own name=, e.g. name={name + '2'!r}")


def check_filters(ctx: RuleContext, source: EventSource, patterns: list[dict[str, Any]]) -> None:
    """Lambda's event filtering: how many patterns, and how long each may be."""
    limit = q.FILTERS_PER_SOURCE_MAX
    if len(patterns) > limit.value:
        ctx.report("LK315", source,
                   f"{len(patterns)} filters: Lambda takes at most {limit.value} per event "
                   "source", f"merge patterns (a pattern's fields already OR their values), or "
                   f"request the increase to 10 first; {limit.source}")
    longest = q.FILTER_PATTERN_MAX_CHARS.value
    seen: dict[str, int] = {}
    for number, pattern in enumerate(patterns, start=1):
        text = json.dumps(pattern, sort_keys=True, separators=(",", ":"))
        first = seen.setdefault(text, number)
        if first != number:
            ctx.report("LK315", source, f"filter {number} repeats filter {first}",
                       "remove it: Lambda refuses a filter list with duplicates")
        size = len(text)
        if size > longest:
            ctx.report("LK315", source,
                       f"filter {number} is {size} characters as JSON, Lambda takes at most "
                       f"{longest}", f"shorten it or split it into two filters; "
                       f"{q.FILTER_PATTERN_MAX_CHARS.source}")


def check_failure_destination(ctx: RuleContext, source: EventSource,
                              destination: Queue | Topic | Bucket | None) -> None:
    """Lambda sends a failure record with no message group id, which every send to a FIFO
    queue or topic requires: such a destination can never receive one."""
    if isinstance(destination, Queue | Topic) and destination.fifo:
        kind = "queue" if isinstance(destination, Queue) else "topic"
        ctx.report("LK327", source,
                   f"on_failure {destination.id} is a FIFO {kind}: Lambda sends failure records "
                   "without a message group id, so none would ever arrive",
                   f"use a standard {kind} (or a Bucket) as the destination; "
                   f"{q.LAMBDA_ESM_DESTINATIONS}")


def check_failure_path(ctx: RuleContext, fn: Function, source: EventSource,
                       destination: Queue | Topic | Bucket | None, lost: str) -> None:
    """A polled source whose records can be given up on (a stream's, a Kafka topic's) keeps a
    trace of each somewhere: `lost` says what becomes of them without one."""
    check_failure_destination(ctx, source, destination)
    if destination is None:
        ctx.report("LK325", source, f"no on_failure destination: {lost}",
                   "on_failure=Queue(...) (or a Topic or Bucket) keeps a record of each, or "
                   f'acknowledge={{"LK325": "why losing them is fine"}} on {fn.id}', owner=fn)
