"""`ProvisionedConcurrency`: environments kept initialized on a function's alias, scaled by
Application Auto Scaling between a minimum and a maximum to hold a target utilization.

`Function(provisioned_concurrency=5)` keeps a fixed five; `provisioned_concurrency=
ProvisionedConcurrency(minimum=2, maximum=20)` lets target tracking move between 2 and 20, and
`ScheduledCapacity` moves that range on a schedule (more environments in business hours).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from lambdakit.model.base import Construct
from lambdakit.model.instance import Instance

# AWS's example: keep utilization near 70 percent, scaling out above it and in below 63 percent
# (90 percent of the target).
DEFAULT_TARGET_UTILIZATION = 0.7


class ScheduledCapacity(Construct):
    """At each time `schedule` names, Application Auto Scaling sets the range target tracking
    moves provisioned concurrency in: `minimum`, `maximum`, or both. The range stays until the
    next scheduled change (and a deploy sets the `ProvisionedConcurrency`'s own range again)."""

    kind = "scheduled_capacity"

    # Unique among the function's schedules; it names the scheduled action.
    name: str
    # cron(0 8 ? * MON-FRI *), rate(1 day) or at(2026-11-27T06:00:00); at() and cron() are read
    # in `timezone`.
    schedule: str
    minimum: int | None = None
    maximum: int | None = None
    # An IANA time zone (`Europe/Berlin`); unset: UTC.
    timezone: str | None = None
    # The window in which a recurring schedule applies, in UTC (a naive datetime is taken as UTC).
    start: dt.datetime | None = None
    end: dt.datetime | None = None

    def label(self) -> str:
        """Diagnostics name a schedule by its name, as the scheduled action is named."""
        return self.name if isinstance(self.name, str) and self.name else type(self).__name__


def in_utc(moment: dt.datetime) -> dt.datetime:
    """A schedule's `start` or `end` as the scheduled action reads it: a naive one is UTC."""
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


class ProvisionedConcurrency(Construct):
    """Target-tracking auto scaling of provisioned concurrency (needs the function's `alias`)."""

    kind = "provisioned_concurrency"

    minimum: int
    maximum: int
    # The fraction of the provisioned environments busy (Lambda's
    # ProvisionedConcurrencyUtilization metric, 0 to 1) that scaling keeps near.
    target_utilization: float = DEFAULT_TARGET_UTILIZATION
    # Seconds to wait after one scaling activity before the next in the same direction; unset:
    # Application Auto Scaling's default for Lambda, 0.
    scale_in_cooldown: int | None = None
    scale_out_cooldown: int | None = None
    # Target tracking only adds environments; fewer come only from a schedule or a deploy.
    disable_scale_in: bool = False
    # How a minute's utilization is summed up: the average of the minute (AWS's predefined
    # metric), or its peak, which scales out on bursts shorter than a minute.
    statistic: Literal["Average", "Maximum"] = "Average"
    # Changes of `minimum` and `maximum` on a schedule.
    schedules: list[Instance[ScheduledCapacity]] = []


def provisioned_bounds(setting: int | ProvisionedConcurrency | None) -> tuple[int, int] | None:
    """(fewest, most) environments a setting keeps provisioned; a fixed count is both. None
    without a setting, or for a placeholder left by invalid input (already reported)."""
    if setting is None:
        return None
    if isinstance(setting, int):
        return setting, setting
    if setting.broken:
        return None
    return setting.minimum, setting.maximum


def provisioned_peak(setting: int | ProvisionedConcurrency | None) -> int | None:
    """The most environments a setting can ever keep provisioned: a fixed count, or the largest
    bound of auto scaling's own range and of each loaded schedule's."""
    bounds = provisioned_bounds(setting)
    if bounds is None:
        return None
    schedules = setting.schedules if isinstance(setting, ProvisionedConcurrency) else []
    return max([bounds[1], *(bound for schedule in schedules if not schedule.broken
                             for bound in (schedule.minimum, schedule.maximum)
                             if bound is not None)])
