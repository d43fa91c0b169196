"""Each event family has companions in the stages after the model: its checks
(`lambdakit/rules/events/<family>.py`) and the resources it writes beyond SAM's
(`lambdakit/compile/events/<family>.py`). A stage finds them from the family's own classes, the
first time it meets one, so it needs no table of families and an app loads only the families
(and companions) it uses."""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

FAMILIES = "lambdakit.events."
_FOUND: dict[tuple[type, str], ModuleType | None] = {}


def companion(kind: type, package: str) -> ModuleType | None:
    """`package`'s module for the family `kind` (a class of `lambdakit/events/<family>.py`)
    belongs to, e.g. `lambdakit.rules.events.sqs` for `SqsEvent`; None when the family has
    none there, or `kind` is no family's."""
    key = (kind, package)
    if key not in _FOUND:
        _FOUND[key] = _import(kind.__module__, package)
    return _FOUND[key]


def _import(module: str, package: str) -> ModuleType | None:
    if not module.startswith(FAMILIES):
        return None
    name = f"{package}.{module.removeprefix(FAMILIES)}"
    try:
        return import_module(name)
    except ModuleNotFoundError as missing:
        if missing.name != name:
            raise  # a module the companion imports is missing: a real error
        return None
