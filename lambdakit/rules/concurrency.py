"""Reserved concurrency across all functions of the app, against the account's budget."""

from __future__ import annotations

from lambdakit.model import Function
from lambdakit.rules import quotas as q
from lambdakit.rules.context import RuleContext


def check_concurrency(ctx: RuleContext, functions: list[Function]) -> None:
    app = ctx.app
    budget = app.account_concurrency - q.UNRESERVED_CONCURRENCY_MIN.value
    reserving = [fn for fn in functions if fn.reserved_concurrency is not None]
    for fn in reserving:
        assert fn.reserved_concurrency is not None
        if fn.reserved_concurrency < 0:
            ctx.report("LK140", fn, f"reserved_concurrency must be ≥ 0 "
                                    f"(got {fn.reserved_concurrency})",
                       "0 stops the function from running at all; leave it unset for no cap")
    total = sum(max(fn.reserved_concurrency or 0, 0) for fn in reserving)
    if total > budget:
        largest = sorted(reserving, key=lambda fn: (-(fn.reserved_concurrency or 0), fn.id))[:3]
        listing = ", ".join(f"{fn.id}={fn.reserved_concurrency}" for fn in largest)
        ctx.report("LK140", app,
                   f"functions reserve {total} concurrent executions; the account's "
                   f"{app.account_concurrency} must keep {q.UNRESERVED_CONCURRENCY_MIN.value} "
                   f"unreserved, so at most {budget} can be reserved",
                   f"largest: {listing}; lower them, or set account_concurrency= after AWS "
                   f"raises the quota ({q.UNRESERVED_CONCURRENCY_MIN.source})")
