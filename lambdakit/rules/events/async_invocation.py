"""Asynchronous invocation: retries, event age and destinations (`Function(on_failure=...)`).

A function is invoked asynchronously by its async sources (S3, SNS, EventBridge, schedules) and
by every function that names it as a destination: Lambda hands destination records to a
function as an asynchronous invocation.
"""

from __future__ import annotations

from lambdakit.limits import quotas as q
from lambdakit.model import Bucket, ExistingFunction, Function, Resource
from lambdakit.model.resources.base import name_in_arn
from lambdakit.plan.invocation import async_callers
from lambdakit.rules.context import RuleContext

INVOKE_CONFIG_DOCS = "https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html"


def check_async_invocation(ctx: RuleContext, functions: list[Function]) -> None:
    in_loops: set[int] = set()  # a loop is reported once, at its first function
    destinations = ctx.plan.destinations
    # A function of the app may be named as `Function.existing(...)` by its physical name.
    by_name = {f.function_name: f for f in functions if f.function_name}
    for fn in functions:
        acknowledged = {**ctx.app.acknowledge, **fn.acknowledge}
        inside = async_callers(fn, destinations, {})
        callers = async_callers(fn, destinations, acknowledged)
        if callers and fn.on_failure is None:
            ctx.report("LK380", fn,
                       f"{fn.id} is invoked asynchronously ({', '.join(callers)}) and has no "
                       "on_failure: an event that fails every retry is dropped",
                       "set on_failure= to a Queue, Topic, EventBus, Function or Bucket to keep "
                       'failed events; or acknowledge={"LK380": "why losing them is fine"}')
        if not inside and fn.has_async_settings():
            ctx.report("LK384", fn,
                       f"{fn.id} sets {_settings(fn)}, but nothing in the app invokes it "
                       "asynchronously: the settings apply only to asynchronous invocations",
                       "if it is invoked asynchronously from outside the app (InvocationType="
                       'Event), say so: acknowledge={"LK384": "invoked by the billing '
                       'service"}; otherwise remove them')
        _check_ranges(ctx, fn)
        _check_destinations(ctx, fn)
        if id(fn) not in in_loops:
            in_loops |= _check_cycle(ctx, fn, by_name)


def _settings(fn: Function) -> str:
    names = [name for name in ("on_success", "on_failure", "max_event_age", "max_retry_attempts")
             if getattr(fn, name) is not None]
    return ", ".join(names)


def _check_ranges(ctx: RuleContext, fn: Function) -> None:
    age, retries = fn.max_event_age, fn.max_retry_attempts
    low, high = q.ASYNC_EVENT_AGE_MIN_S, q.ASYNC_EVENT_AGE_MAX_S
    if age is not None and not low.value <= age <= high.value:
        ctx.report("LK381", fn,
                   f"max_event_age must be {low.value}–{high.value:,} s (got {age:,})",
                   f"set it within that range (Lambda's default is {high.value:,} s, six "
                   f"hours); {high.source}")
    most = q.ASYNC_RETRY_MAX
    if retries is not None and not 0 <= retries <= most.value:
        ctx.report("LK381", fn,
                   f"max_retry_attempts must be 0–{most.value} (got {retries})",
                   f"Lambda retries a failed asynchronous event at most {most.value} times; "
                   f"{most.source}")


def _check_destinations(ctx: RuleContext, fn: Function) -> None:
    for when, target in fn.destinations().items():
        field = "on_success" if when == "OnSuccess" else "on_failure"
        if isinstance(target, Bucket) and when == "OnSuccess":
            ctx.report("LK382", fn,
                       f"{field}={target.id}: Lambda sends only the records of failed "
                       "invocations to a bucket",
                       f"use a Queue, Topic, EventBus or Function for on_success, or the "
                       f"bucket for on_failure; {INVOKE_CONFIG_DOCS}")
        elif isinstance(target, Resource) and _is_fifo(target):
            ctx.report("LK382", fn,
                       f"{field}={target.id}: Lambda cannot deliver destination records to a "
                       f"FIFO {target.kind}; every record would be lost",
                       f"use a standard {target.kind}; {INVOKE_CONFIG_DOCS}")


def _is_fifo(resource: Resource) -> bool:
    name = resource.name or resource.existing_name or resource.existing_arn or ""
    return bool(getattr(resource, "fifo", False)) or name.endswith(".fifo")


def _check_cycle(ctx: RuleContext, fn: Function, by_name: dict[str, Function]) -> set[int]:
    """Records that lead back to the function invoke it again, and again. A function of the app
    may be named as `Function.existing(...)` by its physical name (`by_name`, over the app's
    functions): that is the same function. Returns the loop's functions (`id()`), so it is
    reported once."""
    path = _path_back(fn, fn, [], by_name)
    if path is None:
        return set()
    route = " → ".join([fn.id, *(f.id for f in path)])
    ctx.report("LK383", fn,
               f"the destinations of {fn.id} lead back to it ({route}): each record invokes "
               "it again, without end",
               "send the records to another function, or to a Queue or Topic that something "
               "else reads")
    return {id(f) for f in path}


def _path_back(start: Function, current: Function, seen: list[Function],
               by_name: dict[str, Function]) -> list[Function] | None:
    for destination in current.destinations().values():
        target = destination
        if isinstance(destination, ExistingFunction):
            arn = destination.existing_arn
            name = name_in_arn(arn) if arn else destination.existing_name or ""
            target = by_name.get(name.split(":")[0], destination)  # the same function
        if not isinstance(target, Function) or target in seen:
            continue
        if target is start:
            return [*seen, target]
        found = _path_back(start, target, [*seen, target], by_name)
        if found is not None:
            return found
    return None
