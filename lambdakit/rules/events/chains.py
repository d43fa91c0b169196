"""Which functions a function sets off through its grants, for the recursion checks: invoking
another function of the app, or sending to what triggers one (a queue it polls, a topic it
subscribes to, a bus its rule listens on)."""

from __future__ import annotations

from lambdakit.iam import declared_grants
from lambdakit.model import App, Function, Grant

# Accesses that deliver something to their resource, and so to whatever it triggers.
DELIVERING = frozenset({"invoke", "send", "publish", "put"})


def writers_of(app: App, fn: Function) -> list[tuple[Function, Grant]]:
    """Every grant of `fn` and of the functions it sets off, directly or in a chain, with the
    function holding it; `fn`'s own first, then breadth-first."""
    functions = app.all_functions()
    found: list[tuple[Function, Grant]] = []
    seen = {id(fn)}
    pending = [fn]
    while pending:
        writer = pending.pop(0)
        for grant in declared_grants(writer):
            found.append((writer, grant))
            if grant.access not in DELIVERING:
                continue
            for started in _started_by(grant, functions):
                if id(started) not in seen:
                    seen.add(id(started))
                    pending.append(started)
    return found


def _started_by(grant: Grant, functions: list[Function]) -> list[Function]:
    if isinstance(grant.resource, Function):
        return [grant.resource]
    return [fn for fn in functions
            if any(grant.resource is construct for source in fn.live_events()
                   for construct in source.referenced_constructs())]
