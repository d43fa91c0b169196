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

from types import ModuleType

from lambdakit.events._families import companion


def family_rules(kind: type) -> ModuleType | None:
    """The rules module of the family `kind` (a source or authorizer class) belongs to; None
    for a family without checks of its own, or a class outside `lambdakit.events`."""
    return companion(kind, __package__ or "lambdakit.rules.events")
