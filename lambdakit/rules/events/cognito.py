"""Cognito triggers: a pool the app owns, known triggers, one function per trigger."""

from __future__ import annotations

from lambdakit.events import CognitoTrigger
from lambdakit.events.cognito import TRIGGERS
from lambdakit.limits import quotas as q
from lambdakit.model import Function
from lambdakit.rules.context import RuleContext


def check_cognito_trigger(ctx: RuleContext, fn: Function, source: CognitoTrigger) -> None:
    pool = source.user_pool
    if pool.is_existing:
        ctx.report("LK372", source,
                   f"{pool.id} is an existing user pool: SAM attaches Cognito triggers only to "
                   "a user pool declared in the same template",
                   "declare the pool with UserPool(id=...), or attach the trigger where the "
                   "pool is managed", owner=fn)
    triggers = source.triggers()
    unknown = [t for t in triggers if t not in TRIGGERS]
    if unknown or not triggers:
        ctx.report("LK372", source,
                   f"trigger must be one or more of {', '.join(TRIGGERS)} (got {unknown or []!r})",
                   f"the user pool's LambdaConfig entries that take a function; "
                   f"{q.COGNITO_LAMBDA_CONFIG}", owner=fn)
    if len(set(triggers)) != len(triggers):
        ctx.report("LK372", source, "a trigger is listed twice", "list each trigger once",
                   owner=fn)


def check_cognito_pools(ctx: RuleContext, functions: list[Function]) -> None:
    """A pool runs one function per trigger; SAM gives a function one Cognito permission."""
    taken: dict[tuple[int, str], tuple[Function, CognitoTrigger]] = {}
    for fn in functions:
        sources = [s for s in fn.live_events() if isinstance(s, CognitoTrigger)]
        for source in sources:
            pool = source.user_pool
            if pool is not sources[0].user_pool:
                ctx.report("LK372", source,
                           f"{fn.id} already has a Cognito trigger on {sources[0].user_pool.id}: "
                           "SAM gives a function one Cognito permission, scoped to one pool",
                           "use one function per user pool", owner=fn)
            for trigger in dict.fromkeys(source.triggers()):
                holder, first = taken.setdefault((id(pool), trigger), (fn, source))
                if first is not source:
                    ctx.report("LK372", source,
                               f"{pool.id} already runs {holder.id} for {trigger} (at "
                               f"{first.origin.display()}): a pool runs one function per "
                               "trigger", "attach each trigger of a pool once", owner=fn)


# How rules/events finds this family's checks.
check_source = check_cognito_trigger
check_family = check_cognito_pools
