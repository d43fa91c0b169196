"""Function URLs (`FunctionUrl`): a reason to be public, one URL per function, CORS."""

from __future__ import annotations

from lambdakit.events.url import FunctionUrl
from lambdakit.model import Function
from lambdakit.rules.context import RuleContext
from lambdakit.rules.events._web import check_cors, check_public


def check_function_url(ctx: RuleContext, fn: Function, source: FunctionUrl) -> None:
    check_public(ctx, source, source.auth, source.public, "FunctionUrl")
    urls = [s for s in fn.live_events() if isinstance(s, FunctionUrl)]
    if len(urls) > 1 and source is not urls[0]:
        ctx.report("LK349", source,
                   f"{fn.id} already has a function URL (at {urls[0].origin.display()}): a "
                   "function has at most one", "keep one FunctionUrl in events=[...]")
    if source.cors is not None:
        check_cors(ctx, source.cors, function_url=True)


# How rules/events finds this family's checks.
check_source = check_function_url
