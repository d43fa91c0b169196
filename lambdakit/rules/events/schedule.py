"""Schedules: expressions EventBridge Scheduler accepts, time zones it knows, and settings
within its limits."""

from __future__ import annotations

from lambdakit.events.schedule import ScheduleEvent
from lambdakit.limits import quotas as q
from lambdakit.model import Function
from lambdakit.rules.context import RuleContext
from lambdakit.rules.events.retries import check_target_retries
from lambdakit.rules.schedule_expressions import expression_problem, is_time_zone


def check_schedule(ctx: RuleContext, fn: Function, source: ScheduleEvent) -> None:
    problem = expression_problem(source.expression)
    if problem:
        ctx.report("LK368", source, f"expression {source.expression!r}: {problem}",
                   "write rate(5 minutes), cron(0 8 ? * MON-FRI *) or at(2026-12-31T23:00:00); "
                   + q.SCHEDULER_EXPRESSIONS_DOC)
    if not is_time_zone(source.timezone):
        ctx.report("LK369", source, f"timezone {source.timezone!r} is not an IANA time zone",
                   "write a name such as 'UTC', 'Europe/Berlin' or 'America/New_York'; "
                   + q.SCHEDULER_EXPRESSIONS_DOC)
    window = source.flexible_window
    low, high = q.SCHEDULER_FLEXIBLE_WINDOW_MIN, q.SCHEDULER_FLEXIBLE_WINDOW_MAX
    if window is not None and not low.value <= window <= high.value:
        ctx.report("LK369", source,
                   f"flexible_window must be {low.value}–{high.value} minutes (got {window})",
                   f"leave it unset to invoke at the exact time; {high.source}")
    check_target_retries(ctx, source, source.retry_attempts, source.max_event_age, "LK369")
    size = len(source.input_text())
    if size > q.SCHEDULER_INPUT_MAX_CHARS.value:
        ctx.report("LK369", source, f"input is {size} characters as JSON, Scheduler takes at most "
                   f"{q.SCHEDULER_INPUT_MAX_CHARS.value}", q.SCHEDULER_INPUT_MAX_CHARS.source)


# How rules/events finds this family's checks.
check_source = check_schedule
