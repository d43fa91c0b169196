"""The retry policy EventBridge rules and EventBridge Scheduler share for their targets."""

from __future__ import annotations

from lambdakit.limits import quotas as q
from lambdakit.model import EventSource
from lambdakit.rules.context import RuleContext


def check_target_retries(ctx: RuleContext, source: EventSource, attempts: int | None,
                         age: int | None, code: str) -> None:
    """`attempts`: retries after the first delivery fails; `age`: seconds an event is kept."""
    most = q.EVENTBRIDGE_RETRY_ATTEMPTS_MAX
    if attempts is not None and not 0 <= attempts <= most.value:
        ctx.report(code, source, f"retry_attempts must be 0–{most.value} (got {attempts})",
                   f"leave it unset for {most.value}; {most.source}")
    low, high = q.EVENTBRIDGE_EVENT_AGE_MIN_S, q.EVENTBRIDGE_EVENT_AGE_MAX_S
    if age is not None and not low.value <= age <= high.value:
        ctx.report(code, source, f"max_event_age must be {low.value}–{high.value} s (got {age})",
                   f"leave it unset for {high.value} s (24 hours); {high.source}")
