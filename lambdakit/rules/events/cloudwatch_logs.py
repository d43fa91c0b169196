"""CloudWatch Logs subscriptions: the log group, its filter, and loops through logs."""

from __future__ import annotations

import re

from lambdakit.events import LogsSubscriptionEvent
from lambdakit.limits import quotas as q
from lambdakit.limits.arns import LOG_GROUP_ARN
from lambdakit.model import Function
from lambdakit.rules.context import RuleContext


def check_logs_event(ctx: RuleContext, fn: Function, source: LogsSubscriptionEvent) -> None:
    if source.is_own_log_group(fn):
        ctx.report("LK370", source,
                   f"{fn.id} is subscribed to its own log group: every invocation writes logs, "
                   "and every log invokes it again",
                   "subscribe a function to the log groups of other functions only", owner=fn)
    name = source.log_group_name()
    arn = LOG_GROUP_ARN.match(source.log_group) if isinstance(source.log_group, str) else None
    if arn is not None:
        # SAM's CloudWatchLogs event takes only the group's name: the filter is made on the
        # group of that name in the stack's own account and Region, whatever the ARN says.
        ctx.report("LK371", source,
                   f"the subscription is made on log group {name!r} of the stack's own account "
                   f"and Region, which lambdakit cannot check are {arn['account']} and "
                   f"{arn['region']}",
                   f"pass the name, log_group={name!r}; a group of another account or Region "
                   "sends its events through a CloudWatch Logs destination there", owner=fn)
    longest = q.LOG_GROUP_NAME_MAX_CHARS.value
    if arn is None and not isinstance(source.log_group, Function) and not (
            re.match(q.LOG_GROUP_NAME_PATTERN, name) and len(name) <= longest):
        ctx.report("LK371", source,
                   f"{source.log_group!r} is not a log group name",
                   f"a name of 1–{longest} letters, digits and . - _ / #, e.g. "
                   f"'/aws/lambda/orders'; {q.LOG_GROUP_NAME_MAX_CHARS.source}",
                   owner=fn)
    pattern = q.LOGS_FILTER_PATTERN_MAX_CHARS
    if len(source.filter_pattern) > pattern.value:
        ctx.report("LK371", source,
                   f"filter_pattern is {len(source.filter_pattern)} characters, CloudWatch Logs "
                   f"takes at most {pattern.value}", f"shorten it; {pattern.source}", owner=fn)


def check_log_subscriptions(ctx: RuleContext, functions: list[Function]) -> None:
    """Across the app: the filters each log group may hold, and loops between functions."""
    by_group: dict[object, list[tuple[Function, LogsSubscriptionEvent]]] = {}
    for fn in functions:
        for source in fn.live_events():
            if isinstance(source, LogsSubscriptionEvent):
                group = source.log_group
                key = id(group) if isinstance(group, Function) else source.log_group_name()
                by_group.setdefault(key, []).append((fn, source))
    most = q.LOGS_SUBSCRIPTION_FILTERS_PER_GROUP
    for subscribers in by_group.values():
        for fn, source in subscribers[most.value:]:
            ctx.report("LK371", source,
                       f"a log group takes at most {most.value} subscription filters, and "
                       f"{len(subscribers)} functions of the app subscribe to this one",
                       f"subscribe one function and let it fan out; {most.source}", owner=fn)
    _check_log_loops(ctx, functions)


def _check_log_loops(ctx: RuleContext, functions: list[Function]) -> None:
    """A reads B's logs and B reads A's (or longer rings): each invocation invokes the next."""
    by_name = {f"/aws/lambda/{fn.function_name}": fn for fn in functions if fn.function_name}
    reads: dict[int, list[tuple[Function, LogsSubscriptionEvent]]] = {}
    for fn in functions:
        for source in fn.live_events():
            if isinstance(source, LogsSubscriptionEvent):
                writer = (source.log_group if isinstance(source.log_group, Function)
                          else by_name.get(source.log_group_name()))
                if writer is not None and writer is not fn:  # itself: check_logs_event
                    reads.setdefault(id(fn), []).append((writer, source))
    reported: set[int] = set()
    for fn in functions:
        ring = _ring(fn, fn, reads, [])
        if ring is None or id(fn) in reported:
            continue
        reported |= {id(f) for f, _ in ring}
        route = " → ".join([fn.id, *(f.id for f, _ in ring)])
        ctx.report("LK370", ring[0][1],
                   f"{fn.id} reads logs that lead back to its own ({route}, each reading the "
                   "next one's log group): every invocation invokes the next, without end",
                   "break the ring: let one of them not read the other's logs", owner=fn)


def _ring(start: Function, current: Function,
          reads: dict[int, list[tuple[Function, LogsSubscriptionEvent]]],
          path: list[tuple[Function, LogsSubscriptionEvent]],
          ) -> list[tuple[Function, LogsSubscriptionEvent]] | None:
    for writer, source in reads.get(id(current), []):
        step = [*path, (writer, source)]
        if writer is start:
            return step
        if all(writer is not f for f, _ in path):
            found = _ring(start, writer, reads, step)
            if found is not None:
                return found
    return None


# How rules/events finds this family's checks.
check_source = check_logs_event
check_family = check_log_subscriptions
