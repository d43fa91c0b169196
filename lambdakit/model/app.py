"""`App`: the unit that becomes one template; everything reachable from `functions` is in it."""

from __future__ import annotations

from pydantic import PrivateAttr, field_validator
from pydantic_core import PydanticCustomError

from lambdakit.limits import quotas as q
from lambdakit.model.base import Construct, name_words
from lambdakit.model.function import Function
from lambdakit.model.instance import Instance
from lambdakit.model.resources import Queue, Resource

APP_NAME_PATTERN = q.STACK_NAME_PATTERN  # the app's name is the stack's
DEFAULT_ACCOUNT_CONCURRENCY = q.ACCOUNT_CONCURRENCY_DEFAULT.value


class App(Construct):
    """A Lambda application: functions plus what they reference, compiled to one template."""

    kind = "app"

    name: str
    functions: list[Function] = []
    # Resources no function references yet (a queue only an event source will read).
    resources: list[Instance[Resource]] = []
    description: str | None = None
    tags: dict[str, str] = {}
    permissions_boundary: str | None = None
    # Raise this when the account's concurrency quota has been raised.
    account_concurrency: int = DEFAULT_ACCOUNT_CONCURRENCY
    acknowledge: dict[str, str] = {}

    # Rules and compile ask for it about ten times per synth; constructs are frozen, so the walk
    # is done once.
    _reachable: tuple[Construct, ...] | None = PrivateAttr(default=None)
    _caches = ("_reachable",)

    @field_validator("name")
    @classmethod
    def _check_name(cls, value: str) -> str:
        import re

        if not re.match(APP_NAME_PATTERN, value):
            suggestion = "-".join(name_words(value) or [])
            hint = (f'did you mean name="{suggestion}"?'
                    if suggestion and re.match(APP_NAME_PATTERN, suggestion)
                    else 'e.g. name="orders"')
            raise PydanticCustomError(
                "LK009",
                "app name must start with a letter and hold only letters, digits and hyphens, "
                f"at most {q.STACK_NAME_MAX_CHARS.value} characters (got {{got}})",
                {"got": repr(value),
                 "hint": f"{hint} (it becomes the CloudFormation stack name)"},
            )
        return value

    def all_functions(self) -> list[Function]:
        """`functions` plus every function they reference, each once, in a stable order."""
        return [c for c in self.reachable() if isinstance(c, Function)]

    def all_resources(self) -> list[Resource]:
        """Every resource reachable from the functions, owned or existing, each once."""
        return [c for c in self.reachable() if isinstance(c, Resource)]

    def dead_letter_queues(self) -> set[int]:
        """ids (`id()`) of the queues that serve another queue as its dead-letter queue."""
        return {id(r.dead_letter_queue) for r in self.all_resources()
                if isinstance(r, Queue) and r.dead_letter_queue is not None}

    def reachable(self) -> list[Construct]:
        """Breadth-first from `functions`: what they reference, and what that references."""
        if self._reachable is None:
            seen: dict[int, Construct] = {}
            pending: list[Construct] = [*self.functions, *self.resources]
            for construct in pending:  # grows while it is walked
                if id(construct) not in seen and not construct.broken:
                    seen[id(construct)] = construct
                    pending.extend(_children(construct))
            self._reachable = tuple(seen.values())
        return list(self._reachable)


def _children(construct: Construct) -> list[Construct]:
    if isinstance(construct, Function):
        return construct.referenced_constructs()
    return [value for value in (getattr(construct, "dead_letter_queue", None),
                                getattr(construct, "key", None))
            if isinstance(value, Construct)]
