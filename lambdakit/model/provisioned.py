"""`ProvisionedConcurrency`: environments kept initialized on a function's alias, scaled by
Application Auto Scaling between a minimum and a maximum to hold a target utilization.

`Function(provisioned_concurrency=5)` keeps a fixed five; `provisioned_concurrency=
ProvisionedConcurrency(minimum=2, maximum=20)` lets target tracking move between 2 and 20.
"""

from __future__ import annotations

from lambdakit.model.base import Construct

# AWS's example: keep utilization near 70 percent, scaling out above it and in below 63 percent
# (90 percent of the target).
DEFAULT_TARGET_UTILIZATION = 0.7


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
