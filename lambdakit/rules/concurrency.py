"""Reserved and provisioned concurrency across all functions of the app, against the account's
budget: Lambda keeps 100 of the account's concurrency unreserved for functions that reserve
none, and a function's provisioned concurrency comes out of its own reservation if it has one,
out of that same shared budget otherwise. The account's concurrency is AWS's default unless
`[tool.lambdakit.account]` or `App(account_concurrency=...)` says otherwise (`limits.account`)."""

from __future__ import annotations

from lambdakit.limits import quotas as q
from lambdakit.limits.account import ACCOUNT_SECTION
from lambdakit.model import Function
from lambdakit.model.provisioned import provisioned_peak
from lambdakit.rules.context import RuleContext


def check_concurrency(ctx: RuleContext, functions: list[Function]) -> None:
    app = ctx.app
    account = ctx.account.concurrency(app.account_concurrency)
    budget = account - q.UNRESERVED_CONCURRENCY_MIN.value
    reserving = [fn for fn in functions if fn.reserved_concurrency is not None]
    for fn in reserving:
        assert fn.reserved_concurrency is not None
        if fn.reserved_concurrency < 0:
            ctx.report("LK140", fn, f"reserved_concurrency must be ≥ 0 "
                                    f"(got {fn.reserved_concurrency})",
                       "0 stops the function from running at all; leave it unset for no cap")
    total = sum(max(fn.reserved_concurrency or 0, 0) for fn in reserving)
    if total > max(budget, 0):
        largest = sorted(reserving, key=lambda fn: (-(fn.reserved_concurrency or 0), fn.id))[:3]
        listing = ", ".join(f"{fn.id}={fn.reserved_concurrency}" for fn in largest)
        keep = q.UNRESERVED_CONCURRENCY_MIN.value
        if budget > 0:
            verdict = (f"the account's {account} must keep {keep} unreserved, so at most "
                       f"{budget} can be reserved")
        else:  # a new account's quota can be no more than what Lambda keeps unreserved
            verdict = (f"the account has {account} in all, no more than the {keep} Lambda keeps "
                       "unreserved, so none can be reserved")
        ctx.report("LK140", app,
                   f"functions reserve {total} concurrent executions; {verdict}",
                   f"largest: {listing}; lower them{' or leave them unset' if budget <= 0 else ''}"
                   f", or ask AWS to raise the quota and set concurrent_executions in "
                   f"{ACCOUNT_SECTION} ({q.UNRESERVED_CONCURRENCY_MIN.source})")
    else:
        _check_unreserved_provisioning(ctx, functions, total, max(budget, 0) - total)


def _check_unreserved_provisioning(ctx: RuleContext, functions: list[Function], reserved: int,
                                   left: int) -> None:
    """`left`: what the account can still set aside after the app's reservations."""
    drawing = {fn: peak for fn in functions if fn.reserved_concurrency is None
               and (peak := provisioned_peak(fn.provisioned_concurrency)) is not None}
    wanted = sum(max(most, 0) for most in drawing.values())
    if wanted <= left:
        return
    app = ctx.app
    concurrency = ctx.account.concurrency(app.account_concurrency)
    account = (f"the account's {concurrency}, less {reserved} reserved by this "
               f"app and the {q.UNRESERVED_CONCURRENCY_MIN.value} Lambda keeps unreserved, leaves "
               f"{left}")
    fix = (f"lower it, reserve concurrency for the function (its provisioned concurrency then "
           f"comes out of its reservation), or ask AWS to raise the quota and set "
           f"concurrent_executions in {ACCOUNT_SECTION}; see {q.PROVISIONED_CONCURRENCY.source}")
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
