"""Who invokes each function asynchronously: its async sources, the functions that name it as
a destination (Lambda hands destination records over as an asynchronous invocation) and the
functions granted to invoke it. Rules judge retries and failure paths on these; compile writes
the scanners' reasons from them."""

from __future__ import annotations

from lambdakit.model import Function


def destination_index(functions: list[Function]) -> dict[int, list[str]]:
    """`id(fn)` → the functions that name `fn` as a destination, described for a diagnostic:
    one pass over the app instead of one per function."""
    index: dict[int, list[str]] = {}
    for other in functions:
        for field in ("on_success", "on_failure"):
            target = getattr(other, field)
            if isinstance(target, Function):
                index.setdefault(id(target), []).append(f"{field} destination of {other.id}")
    return index


def invoker_index(functions: list[Function]) -> dict[int, list[str]]:
    """`id(fn)` → the ids of the app's functions granted to invoke `fn` (`fn.invoke()`), each
    of which may invoke it asynchronously: one pass over every grant, not one per function."""
    index: dict[int, list[str]] = {}
    for other in functions:
        targets = {id(grant.resource): grant.resource for grant in other.grants
                   if grant.access == "invoke" and isinstance(grant.resource, Function)}
        for key, target in targets.items():
            if target is not other:
                index.setdefault(key, []).append(other.id)
    return index


def async_callers(fn: Function, destinations: dict[int, list[str]],
                  acknowledged: dict[str, str]) -> list[str]:
    """What invokes `fn` asynchronously, described for a diagnostic: its async sources, the
    functions it is a destination of (`destinations`, from `destination_index`), and callers
    outside the app that an acknowledged LK384 names (`acknowledged`: the app's
    acknowledgements, overridden by the function's)."""
    outside = acknowledged.get("LK384", "").strip()
    found = [f"from outside the app: {outside}"] if outside else []
    found += [f"{type(source).__name__} {source.event_name()}" for source in fn.live_events()
              if source.invocation_mode() == "async"]
    return found + destinations.get(id(fn), [])
