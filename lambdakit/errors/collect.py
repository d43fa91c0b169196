"""Deferred construction errors, so one run reports every bad construct, not just the first.

While an app file is loaded under `collecting()`, a construct with invalid fields records its
diagnostics here and carries on as a placeholder instead of raising; the loader raises them all
together afterwards. Outside `collecting()`, constructs raise at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from lambdakit.errors.diagnostic import Diagnostic

_collector: ContextVar[list[Diagnostic] | None] = ContextVar("lambdakit_collector", default=None)


@contextmanager
def collecting() -> Iterator[list[Diagnostic]]:
    found: list[Diagnostic] = []
    token = _collector.set(found)
    try:
        yield found
    finally:
        _collector.reset(token)


def active_collector() -> list[Diagnostic] | None:
    return _collector.get()
