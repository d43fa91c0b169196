"""References from one construct to an attribute of another, resolved by CloudFormation at deploy.

A reference makes its target part of the app (it is reachable) and carries the worst-case size of
the value it resolves to, so limits such as the 4 KB environment can be checked before deploy.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from lambdakit.model.base import Construct


RefAttribute = Literal["Arn", "Name", "Url", "StreamArn", "Version"]


@dataclass(frozen=True, eq=False)
class Ref:
    """`target`'s `attribute`: its ARN, its physical name, (queues) its URL or (tables) its
    stream's ARN."""

    target: Construct
    attribute: RefAttribute
    max_bytes: int

    def describe(self) -> str:
        return f"{self.target.label()}.{self.attribute.lower()}"
