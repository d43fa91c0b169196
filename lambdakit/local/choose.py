"""Which function and which of its event sources a command means, with a did-you-mean."""

from __future__ import annotations

import difflib
from typing import Any

from lambdakit.model import App, EventSource, Function


class LocalUsageError(ValueError):
    """A name on the command line that the app does not hold; `param` is what was wrong."""

    def __init__(self, param: str, message: str) -> None:
        self.param = param
        super().__init__(message)


def find_function(app: App, function_id: str) -> Function:
    functions = {fn.id: fn for fn in app.all_functions()}
    if function_id in functions:
        return functions[function_id]
    raise LocalUsageError("FUNCTION", _unknown(f"the app has no function {function_id!r}",
                                               function_id, sorted(functions), "its functions"))


def find_source(fn: Function, name: str | None) -> EventSource:
    """The event source called `name`; without a name, the function's only one."""
    sources = {source.event_name(): source for source in fn.live_events()}
    if name is not None:
        if name in sources:
            return sources[name]
        raise LocalUsageError("--source", _unknown(f"{fn.id} has no event source {name!r}",
                                                   name, list(sources), "its sources"))
    if len(sources) == 1:
        return next(iter(sources.values()))
    if not sources:
        raise LocalUsageError("FUNCTION", f"{fn.id} has no event source, so no sample event: "
                                          "pass what its caller sends with --event FILE")
    raise LocalUsageError("--source", f"{fn.id} has {len(sources)} event sources; choose one "
                                      f"with --source NAME: {', '.join(sources)}")


def sample_event(fn: Function, source_name: str | None = None) -> dict[str, Any]:
    """The event Lambda would pass `fn` from that source (deterministic: fixed account, region
    and ids)."""
    source = find_source(fn, source_name)
    try:
        return source.sample_event(fn)
    except NotImplementedError:
        raise LocalUsageError("--source", f"{type(source).__name__} has no sample event yet: "
                                          "pass one with --event FILE") from None


def _unknown(problem: str, name: str, names: list[str], known: str) -> str:
    close = difflib.get_close_matches(name, names, n=1)
    guess = f"; did you mean {close[0]!r}?" if close else ""
    return f"{problem}{guess} ({known}: {', '.join(names) or 'none'})"
