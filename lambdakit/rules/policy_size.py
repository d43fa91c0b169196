"""IAM policy size (LK210): whether a role's statements fit once split into managed policies.

The split itself is the plan's (`lambdakit.plan.policies`): the checks that count logical ids
and compile read the same one.
"""

from __future__ import annotations

from lambdakit.iam.size import GrantSize, PolicyPlan, grant_sizes
from lambdakit.limits.account import ACCOUNT_SECTION
from lambdakit.model import Function
from lambdakit.rules.context import RuleContext

LARGEST_LISTED = 3


def check_policy_size(ctx: RuleContext, fn: Function) -> None:
    plan = ctx.plan.policies.get(id(fn))
    quota = ctx.account.managed_policies()
    if plan is None or plan.attaches(quota):
        return
    configured = ctx.account.managed_policies_per_role is not None
    ctx.report("LK210", fn, lk210_message(plan, quota, configured, grant_sizes(fn)), LK210_HINT)


LK210_HINT = ("narrow the grants, or give the resources they name a name= (a given name is "
              "counted at its length, a generated one at its longest), or split the function; "
              "`lambdakit explain` lists every grant")


def lk210_message(plan: PolicyPlan, quota: int, configured: bool,
                  sizes: list[GrantSize]) -> str:
    """Stable text: the LK210 error golden (tests/errors/lk210) compares it. `quota`: the
    managed policies a role of the account takes, `configured` if the account says so."""
    limits = plan.limits
    head = (f"its policies take {plan.all_inline_chars} characters at worst even with "
            f"statements that differ only in resources merged: more than the "
            f"{limits.inline_chars} IAM allows inline")
    if plan.oversized:
        largest = max(plan.oversized, key=lambda s: (s.chars, s.sid))
        reason = (f"statement {largest.sid} alone takes {largest.chars}, more than the "
                  f"{limits.managed_chars} of a managed policy")
    elif configured:
        reason = (f"split into managed policies of at most {limits.managed_chars} they need "
                  f"{len(plan.managed)}, the account attaches at most {quota} to a role "
                  f"(managed_policies_per_role in {ACCOUNT_SECTION})")
    else:
        reason = (f"split into managed policies of at most {limits.managed_chars} they need "
                  f"{len(plan.managed)}, IAM attaches at most {quota} to a role by default "
                  f"(up to 20 once AWS raises the account's quota; then set "
                  f"managed_policies_per_role in {ACCOUNT_SECTION})")
    grants = ", ".join(f"{g.label} at {g.origin_display} ({g.chars} characters)"
                       for g in sizes[:LARGEST_LISTED])
    return f"{head}, and {reason}; largest grants: {grants}"
