"""Each role's statements, sized and split: what stays inline and what goes to managed
policies (LK210 judges the split, compile writes it). The packing lives in
`lambdakit.iam.size`; the limits it packs to come from the quota table."""

from __future__ import annotations

from lambdakit.iam.grants import declared_grants
from lambdakit.iam.size import PolicyLimits, PolicyPlan, computable, plan_policies
from lambdakit.limits import quotas as q
from lambdakit.model import Function

LIMITS = PolicyLimits(
    inline_chars=q.ROLE_INLINE_POLICY_MAX_CHARS.value,
    managed_chars=q.MANAGED_POLICY_MAX_CHARS.value,
)


def policy_plan(fn: Function) -> PolicyPlan | None:
    """Where the function's statements go; None when its grants cannot be built (a rule
    reports why)."""
    grants = declared_grants(fn)
    return plan_policies(fn, LIMITS, grants) if computable(fn, grants) else None
