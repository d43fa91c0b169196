"""Provisioned concurrency on the alias: a fixed count, or target-tracking auto scaling between a
minimum and a maximum; at least one environment, within the function's reserved concurrency.
(The account-wide budget is `rules.concurrency`; SnapStart's exclusion is `rules.versions`.)"""

from __future__ import annotations

from lambdakit.model import Function, ProvisionedConcurrency
from lambdakit.model.provisioned import provisioned_bounds
from lambdakit.rules import quotas as q
from lambdakit.rules.context import RuleContext


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
