"""Reserved and provisioned concurrency across all functions of the app, against the account's
budget: Lambda keeps 100 of the account's concurrency unreserved for functions that reserve
none, and a function's provisioned concurrency comes out of its own reservation if it has one,
out of that same shared budget otherwise."""

from __future__ import annotations

from lambdakit.model import Function
from lambdakit.model.provisioned import provisioned_peak
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
    else:
        _check_unreserved_provisioning(ctx, functions, total, budget - total)


def _check_unreserved_provisioning(ctx: RuleContext, functions: list[Function], reserved: int,
                                   left: int) -> None:
    """`left`: what the account can still set aside after the app's reservations."""
    drawing = {fn: peak for fn in functions if fn.reserved_concurrency is None
               and (peak := provisioned_peak(fn.provisioned_concurrency)) is not None}
    wanted = sum(max(most, 0) for most in drawing.values())
    if wanted <= left:
        return
    app = ctx.app
    account = (f"the account's {app.account_concurrency}, less {reserved} reserved by this app "
               f"and the {q.UNRESERVED_CONCURRENCY_MIN.value} Lambda keeps unreserved, leaves "
               f"{left}")
    fix = (f"lower it, reserve concurrency for the function (its provisioned concurrency then "
           f"comes out of its reservation), or set App(account_concurrency=...) after AWS raises "
           f"the quota; see {q.PROVISIONED_CONCURRENCY.source}")
    if len(drawing) == 1:
        [(fn, most)] = drawing.items()
        ctx.report("LK437", fn, f"provisioned concurrency of up to {most} without reserved "
                                f"concurrency comes out of the account's shared budget: "
                                f"{account}", fix)
        return
    largest = sorted(drawing.items(), key=lambda item: (-item[1], item[0].id))[:3]
    listing = ", ".join(f"{fn.id}={most}" for fn, most in largest)
    ctx.report("LK437", app, f"functions without reserved concurrency provision up to {wanted} "
                             f"environments out of the account's shared budget: {account}",
               f"largest: {listing}; {fix}")
