"""Event-source checks, one module per family (`families.py` says how they are found), and
asynchronous invocation, which crosses families."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lambdakit.model import Function
from lambdakit.rules.context import RuleContext
from lambdakit.rules.events.async_invocation import check_async_invocation
from lambdakit.rules.events.common import check_event_names
from lambdakit.rules.events.families import family_rules


def check_events(ctx: RuleContext, functions: list[Function]) -> None:
    app_wide: dict[int, Callable[[RuleContext, list[Function]], Any]] = {}
    for fn in functions:
        check_event_names(ctx, fn)
        for source in fn.live_events():
            rules = family_rules(type(source))
            if rules is None:
                continue
            check = getattr(rules, "check_source", None)
            if check is not None:
                check(ctx, fn, source)
            across = getattr(rules, "check_family", None)
            if across is not None:
                app_wide.setdefault(id(across), across)
    for across in app_wide.values():
        across(ctx, functions)
    check_async_invocation(ctx, functions)
