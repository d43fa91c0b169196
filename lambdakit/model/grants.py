"""A grant: one function's declared access to one resource, with the line that asked for it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lambdakit.errors import UNKNOWN, Origin

if TYPE_CHECKING:
    from lambdakit.model.base import Construct


@dataclass(frozen=True, eq=False)
class Grant:
    """`access` to `resource` (optionally under `prefix`), asked for at `origin`."""

    resource: Construct
    access: str
    prefix: str | None = None
    origin: Origin = field(default=UNKNOWN)
    # The event source that implies this grant (a poller reads its queue), for `explain`.
    implied_by: str = ""

    def describe(self) -> str:
        under = f" under {self.prefix!r}" if self.prefix is not None else ""
        return f"{self.resource.label()}.{self.access}(){under}"
