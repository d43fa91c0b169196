"""`App`: the unit that becomes one template; everything reachable from `functions` is in it."""

from __future__ import annotations

from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from lambdakit.model.base import Construct
from lambdakit.model.function import Function

APP_NAME_PATTERN = r"^[A-Za-z][A-Za-z0-9-]{0,127}$"  # also a valid CloudFormation stack name
DEFAULT_ACCOUNT_CONCURRENCY = 1000


class App(Construct):
    """A Lambda application: functions plus what they reference, compiled to one template."""

    kind = "app"

    name: str
    functions: list[Function] = Field(default_factory=list)
    description: str | None = None
    tags: dict[str, str] = Field(default_factory=dict)
    permissions_boundary: str | None = None
    # Raise this when the account's concurrency quota has been raised.
    account_concurrency: int = DEFAULT_ACCOUNT_CONCURRENCY
    acknowledge: dict[str, str] = Field(default_factory=dict)

    @field_validator("name")
    @classmethod
    def _check_name(cls, value: str) -> str:
        import re

        if not re.match(APP_NAME_PATTERN, value):
            suggestion = re.sub(r"[^A-Za-z0-9]+", "-", value).lstrip("-0123456789")[:128]
            raise PydanticCustomError(
                "LK009",
                "app name must start with a letter and hold only letters, digits and hyphens, "
                "at most 128 characters (got {got})",
                {"got": repr(value),
                 "hint": f"e.g. name={suggestion.rstrip('-') or 'orders'!r} "
                         "(it becomes the CloudFormation stack name)"},
            )
        return value

    def all_functions(self) -> list[Function]:
        """`functions` plus every function they reference, each once, in a stable order."""
        seen: dict[int, Function] = {}
        pending = list(self.functions)
        while pending:
            function = pending.pop(0)
            if id(function) in seen or function.broken:
                continue
            seen[id(function)] = function
            pending.extend(ref.target for ref in function.references()
                           if isinstance(ref.target, Function))
        return list(seen.values())
