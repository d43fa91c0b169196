"""Provisioned concurrency on the alias: a fixed count, or target-tracking auto scaling between a
minimum and a maximum, which schedules may move; at least one environment, within the
function's reserved concurrency. (The account-wide budget is `rules.concurrency`; SnapStart's
exclusion is `rules.versions`.)"""

from __future__ import annotations

import re

from lambdakit.limits import quotas as q
from lambdakit.model import Function, ProvisionedConcurrency, ScheduledCapacity
from lambdakit.model.provisioned import in_utc, provisioned_bounds
from lambdakit.rules.context import RuleContext

# PutScheduledAction's pattern for ScheduledActionName, said positively: no ':', '/' or '|', no
# control characters, and no space at either end.
SCHEDULED_ACTION_NAME = re.compile(r"[^\x00-\x1f\x7f-\x9f:/|]+")
SCHEDULE_HINT = ("write cron(0 8 ? * MON-FRI *) (minutes hours day-of-month month day-of-week "
                 "year), rate(1 day) or at(2026-11-27T06:00:00)")


def check_provisioned_concurrency(ctx: RuleContext, fn: Function) -> None:
    setting = fn.provisioned_concurrency
    if setting is None:
        return
    if fn.alias is None:
        ctx.report("LK434", fn, "provisioned concurrency is configured on a published version "
                                "or alias, and this function publishes none",
                   "set alias='live': each deploy then publishes a version, warms it, and the "
                   "alias (which event sources invoke) points at it")
    bounds = provisioned_bounds(setting)
    if bounds is None:
        return
    _check_range(ctx, fn, setting, *bounds)
    scaling = fn.auto_scaling
    if scaling is not None:
        if scaling.minimum > scaling.maximum:
            ctx.report("LK436", fn, f"auto scaling minimum={scaling.minimum} is above its "
                                    f"maximum={scaling.maximum}",
                       "Application Auto Scaling moves provisioned concurrency between the two: "
                       "swap them (for a fixed count, write provisioned_concurrency=N)")
        _check_policy(ctx, fn, scaling)
        _check_schedules(ctx, fn, scaling)


def _check_range(ctx: RuleContext, fn: Function, setting: int | ProvisionedConcurrency,
                 fewest: int, most: int) -> None:
    scaled = isinstance(setting, ProvisionedConcurrency)
    if fewest < q.PROVISIONED_CONCURRENCY.value:
        name = "auto scaling minimum" if scaled else "provisioned_concurrency"
        ctx.report("LK435", fn, f"{name} must be at least {q.PROVISIONED_CONCURRENCY.value} "
                                f"(got {fewest})",
                   "leave provisioned_concurrency unset for none")
    reserved = fn.reserved_concurrency
    if reserved is not None and most > reserved:
        name = "maximum" if scaled else "provisioned_concurrency"
        ctx.report("LK435", fn, f"{'auto scaling ' if scaled else ''}{name}={most} is more than "
                                f"the function's reserved_concurrency={reserved}",
                   f"provision at most what is reserved; raise reserved_concurrency or lower "
                   f"{name}; see {q.PROVISIONED_CONCURRENCY.source}")


def _check_policy(ctx: RuleContext, fn: Function, scaling: ProvisionedConcurrency) -> None:
    target = scaling.target_utilization
    if not 0 < target < q.PROVISIONED_UTILIZATION_MAX.value:  # NaN fails this too
        ctx.report("LK438", fn, f"target_utilization={target} is not a fraction between 0 and "
                                f"{q.PROVISIONED_UTILIZATION_MAX.value}",
                   "it is the share of provisioned environments kept busy, e.g. 0.7 for 70 "
                   "percent (AWS's example); utilization never exceeds 1, so a target of 1 or "
                   f"more never scales out; see {q.PROVISIONED_UTILIZATION_MAX.source}")
    least = q.SCALING_COOLDOWN_MIN_S.value
    for name in ("scale_in_cooldown", "scale_out_cooldown"):
        seconds = getattr(scaling, name)
        if seconds is not None and seconds < least:
            ctx.report("LK438", fn, f"{name} must be at least {least} seconds (got {seconds})",
                       "the seconds between one scaling activity and the next in the same "
                       "direction; leave it unset for Application Auto Scaling's default, 0 for "
                       "Lambda")


def _check_schedules(ctx: RuleContext, fn: Function, scaling: ProvisionedConcurrency) -> None:
    if not scaling.schedules:
        return
    # The grammar loads only for an app that schedules capacity (it stays off a bare synth).
    from lambdakit.rules.schedule_expressions import expression_problem

    most = q.SCHEDULED_ACTIONS_MAX
    if len(scaling.schedules) > most.value:
        ctx.report("LK439", fn, f"{len(scaling.schedules)} schedules; Application Auto Scaling "
                                f"takes at most {most.value} per scalable target",
                   f"merge schedules that set the same range; {most.source}")
    seen: set[str] = set()
    for schedule in scaling.schedules:
        if schedule.broken:
            continue
        _check_schedule_name(ctx, schedule, seen)
        problem = expression_problem(schedule.schedule, unit_agrees=False)
        if problem:
            ctx.report("LK439", schedule, f"schedule {schedule.schedule!r}: {problem}",
                       SCHEDULE_HINT)
        _check_schedule_window(ctx, schedule)
        _check_scheduled_range(ctx, fn, scaling, schedule)


def _check_schedule_name(ctx: RuleContext, schedule: ScheduledCapacity, seen: set[str]) -> None:
    name, most = schedule.name, q.SCHEDULED_ACTION_NAME_MAX_CHARS
    if (not 0 < len(name) <= most.value or name != name.strip(" ")
            or not SCHEDULED_ACTION_NAME.fullmatch(name)):
        ctx.report("LK439", schedule, f"name {name!r} is not a scheduled action name",
                   f"1–{most.value} characters without ':', '/', '|', control characters or "
                   f"spaces at either end, e.g. 'business-hours'; {most.source}")
    elif name in seen:
        ctx.report("LK439", schedule, f"two schedules are named {name!r}",
                   "each schedule of a function needs a name of its own: a second one with the "
                   "same name would replace the first")
    seen.add(name)


def _check_schedule_window(ctx: RuleContext, schedule: ScheduledCapacity) -> None:
    from lambdakit.rules.schedule_expressions import AT, CRON, is_time_zone

    zone = schedule.timezone
    if zone is not None:
        if not is_time_zone(zone):
            ctx.report("LK439", schedule, f"timezone {zone!r} is not an IANA time zone",
                       "write a name such as 'UTC', 'Europe/Berlin' or 'America/New_York'")
        elif not (AT.match(schedule.schedule) or CRON.match(schedule.schedule)):
            ctx.report("LK439", schedule, "timezone applies to at() and cron() schedules only",
                       "a rate() runs at the same interval in every time zone: leave timezone "
                       "unset")
    start, end = schedule.start, schedule.end
    if start is not None and end is not None and in_utc(end) <= in_utc(start):
        ctx.report("LK439", schedule, f"end {end.isoformat()} is not after start "
                                      f"{start.isoformat()}",
                   "start and end bound the time in which the schedule applies")


def _check_scheduled_range(ctx: RuleContext, fn: Function, scaling: ProvisionedConcurrency,
                           schedule: ScheduledCapacity) -> None:
    fewest, most = schedule.minimum, schedule.maximum
    if fewest is None and most is None:
        ctx.report("LK439", schedule, "a scheduled capacity sets neither minimum nor maximum",
                   "set the range that applies from this time on: minimum=, maximum= or both")
        return
    least = q.PROVISIONED_CONCURRENCY.value
    for label, bound in (("minimum", fewest), ("maximum", most)):
        if bound is not None and bound < least:
            ctx.report("LK435", schedule, f"scheduled {label} must be at least {least} "
                                          f"(got {bound})",
                       "leave provisioned_concurrency unset for none")
    reserved = fn.reserved_concurrency
    highest = max(bound for bound in (fewest, most) if bound is not None)
    if reserved is not None and highest > reserved:
        ctx.report("LK435", schedule, f"scheduled capacity of {highest} is more than the "
                                      f"function's reserved_concurrency={reserved}",
                   f"provision at most what is reserved; see {q.PROVISIONED_CONCURRENCY.source}")
    # A bound the schedule leaves unset stays as the ProvisionedConcurrency sets it.
    low = scaling.minimum if fewest is None else fewest
    high = scaling.maximum if most is None else most
    if low > high:
        ctx.report("LK436", schedule, f"from this schedule on, the minimum ({low}) would be "
                                      f"larger than the maximum ({high})",
                   "a bound the schedule leaves unset keeps the ProvisionedConcurrency's own "
                   "value: set both minimum and maximum here")

