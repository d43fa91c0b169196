"""IAM policy size (LK210), and the managed policies a large role is split into.

The split is decided here, from the model alone, so the checks that count logical ids (LK003,
LK007) and `compile` agree on it: both call `policy_plan`. The packing itself lives in
`lambdakit.iam.size`; the limits it packs to come from `quotas`.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from lambdakit.iam.grants import declared_grants
from lambdakit.iam.size import (
    GrantSize,
    PolicyLimits,
    PolicyPlan,
    computable,
    grant_sizes,
    plan_policies,
)
from lambdakit.limits import quotas as q
from lambdakit.limits.account import ACCOUNT_SECTION
from lambdakit.model import App, Construct, Function
from lambdakit.rules.context import RuleContext
from lambdakit.rules.deployments import deployment_logical_ids

LIMITS = PolicyLimits(
    inline_chars=q.ROLE_INLINE_POLICY_MAX_CHARS.value,
    managed_chars=q.MANAGED_POLICY_MAX_CHARS.value,
)
LARGEST_LISTED = 3
# Plans depend only on the app's functions, which are frozen: the checks and compile share them.
# Keyed by the app, whose functions do not refer back to it, so the entry goes with the app.
_PLANS: WeakKeyDictionary[App, dict[int, PolicyPlan | None]] = WeakKeyDictionary()


def policy_plan(fn: Function) -> PolicyPlan | None:
    """Where the function's statements go; None when its grants cannot be built (another rule
    reports why)."""
    grants = declared_grants(fn)
    return plan_policies(fn, LIMITS, grants) if computable(fn, grants) else None


def app_policy_plans(app: App) -> dict[int, PolicyPlan | None]:
    """The plan of every function of the app (keyed by `id(fn)`), computed once per app."""
    plans = _PLANS.get(app)
    if plans is None:
        plans = _PLANS[app] = {id(fn): policy_plan(fn) for fn in app.all_functions()}
    return plans


def policy_plans(ctx: RuleContext) -> dict[int, PolicyPlan | None]:
    return app_policy_plans(ctx.app)


def managed_policy_ids(app: App, plans: dict[int, PolicyPlan | None]) -> list[
        tuple[str, Construct]]:
    """The `<FunctionId>PolicyN` (and `<FunctionId>TriggerPolicy`) logical ids, each with the
    function that owns it."""
    return [(policy_id, fn) for fn in app.all_functions()
            if (plan := plans.get(id(fn))) is not None
            for policy_id in [*plan.managed_policy_ids(), *plan.deferred_policy_ids()]]


def template_logical_ids(app: App, plans: dict[int, PolicyPlan | None]) -> list[
        tuple[str, Construct]]:
    """Every logical id the template declares: the model's, the managed policies and custom
    deployment configurations."""
    return [*app.logical_ids(), *managed_policy_ids(app, plans), *deployment_logical_ids(app)]


def check_policy_size(ctx: RuleContext, fn: Function) -> None:
    plan = policy_plans(ctx).get(id(fn))
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
