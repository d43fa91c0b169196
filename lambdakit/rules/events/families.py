"""Each event family's checks, found from the family itself: the checks of the sources in
`lambdakit/events/<family>.py` are in `lambdakit/rules/events/<family>.py`, which may define

- `check_source(ctx, fn, source)`: one source against its function;
- `check_family(ctx, functions)`: across the app's functions (one queue read twice, an API's
  routes); families that share one (`rest` and `http_api`) name the same function, run once;
- `check_authorizer(ctx, authorizer)`: an authorizer of the family.

A family is checked once its sources are in the app, and only then: its module is imported
when the first of its classes is met, so an app never loads the checks (or the classes) of a
family it does not use.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

_FAMILIES = "lambdakit.events."
_FOUND: dict[type, ModuleType | None] = {}


def family_rules(kind: type) -> ModuleType | None:
    """The rules module of the family `kind` (a source or authorizer class) belongs to; None
    for a family without checks of its own, or a class outside `lambdakit.events`."""
    if kind not in _FOUND:
        _FOUND[kind] = _import(kind.__module__)
    return _FOUND[kind]


def _import(module: str) -> ModuleType | None:
    if not module.startswith(_FAMILIES):
        return None
    name = f"{__package__}.{module.removeprefix(_FAMILIES)}"
    try:
        return import_module(name)
    except ModuleNotFoundError as missing:
        if missing.name != name:
            raise  # a module the checks import is missing: a real error
        return None
