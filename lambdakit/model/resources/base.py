"""What every AWS resource construct shares: owned or existing, a physical name, grants.

An *owned* resource is created by the app's template, secure by default. An *existing* one
(`Queue.existing(arn=...)` or `name=...`) is only referenced: the app grants access to it but
never manages it.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar, Self, TypeVar

from pydantic import field_validator

from lambdakit.errors import LambdakitError, Origin, active_collector, capture_origin
from lambdakit.errors.diagnostic import Diagnostic
from lambdakit.limits import quotas as q
from lambdakit.limits.arns import ARN_PARTITION, PARTITION_MAX_CHARS
from lambdakit.limits.naming import NameRule
from lambdakit.model.base import ID_MAX_CHARS, Construct, Written, check_id
from lambdakit.model.grants import Grant
from lambdakit.model.refs import Ref, RefAttribute

_R = TypeVar("_R", bound="Resource")


class Resource(Construct):
    """An AWS resource a function can be granted access to."""

    kind: ClassVar[str] = "resource"
    # The CloudFormation type of the resource an owned one is written as.
    resource_type: ClassVar[str] = ""
    # How users write the class in diagnostics, when not its own name (`Function.existing`).
    display_name: ClassVar[str] = ""
    service: ClassVar[str] = ""
    stateful: ClassVar[bool] = False
    # The physical-name rule of the service (`limits.naming.NAME_RULES`), owned or existing.
    name_rule: ClassVar[NameRule | None] = None
    # Set (to the hint) on kinds IAM grants only on the ARN: `existing()` then refuses name=.
    by_arn_only: ClassVar[str] = ""
    # What an environment variable holding this resource receives, and its largest size.
    env_attribute: ClassVar[RefAttribute] = "Arn"
    env_max_bytes: ClassVar[int] = q.ARN_MAX_CHARS.value

    id: str
    # Physical name of an owned resource; unset lets CloudFormation generate a unique one.
    name: str | None = None
    existing_arn: str | None = None
    existing_name: str | None = None
    # Stateful resources are retained when removed from the stack or replaced; a reason here
    # lets CloudFormation delete them instead.
    delete_with_stack: str | None = None
    # {"LK205": "why this is fine"}: silences that warning about this resource, with a reason.
    acknowledge: dict[str, str] = {}

    _check_id = field_validator("id")(check_id)

    @classmethod
    def existing(cls, *, arn: str | None = None, name: str | None = None,
                 id: str | None = None, **settings: Any) -> Self:
        """Reference a resource this app does not manage, by ARN or by name."""
        identifier = id or pascal_id(name or name_in_arn(arn or ""))
        shown = cls.display_name or cls.__name__
        refusal = None
        if (arn is None) == (name is None):
            got = "both" if arn is not None else "neither"
            refusal = (f"{shown}.existing() takes exactly one of arn= or name= (got {got})",
                       f"pass only the ARN, {shown}.existing(arn='arn:aws:...'), or only the "
                       f"name, {shown}.existing(name='...')")
        elif name is not None and cls.by_arn_only:
            refusal = (f"{shown}.existing() takes the {cls.kind}'s ARN, not a name "
                       f"(got name={name!r})", cls.by_arn_only)
        if refusal is None:
            return cls(id=identifier, existing_arn=arn, existing_name=name, **settings)
        diagnostic = Diagnostic("LK201", refusal[0], capture_origin(), id or shown, refusal[1])
        return _placeholder(cls.model_construct(id=identifier, existing_arn=arn,
                                                existing_name=name), diagnostic)

    @property
    def is_existing(self) -> bool:
        return self.existing_arn is not None or self.existing_name is not None

    def written_resources(self) -> list[Written]:
        """What the template declares for this resource; nothing when it is existing."""
        if self.is_existing:
            return []
        return [Written(self.id, self.resource_type), *self.written_children()]

    def written_children(self) -> list[Written]:
        """Resources written beside the primary one (a TLS-only policy)."""
        return []

    def derived_ids(self) -> list[str | None]:
        """Resources the SAM transform derives from an owned one, by logical id; None where
        SAM names it after a hash of its content (an API's deployment), which never clashes."""
        return []

    def output_ids(self) -> list[str]:
        """Outputs the template declares for this resource (an API's URL)."""
        return []

    def grant(self, access: str, prefix: str | None = None, *,
              origin: Origin | None = None) -> Grant:
        """Used by the typed access methods (`queue.send()`), which are what users call, and by
        event sources for the access they imply (`origin`: the source's line)."""
        return Grant(self, access, prefix, origin or capture_origin())

    def refused_grant(self, access: str, message: str, hint: str) -> Grant:
        """A grant lambdakit cannot write (LK201 at the caller's line): on a placeholder that
        the policy and compile skip."""
        diagnostic = Diagnostic("LK201", message, capture_origin(), self.label(), hint)
        return Grant(_placeholder(self.model_copy(), diagnostic), access, None, diagnostic.origin)

    def reference(self) -> Ref:
        """The identifier SDK calls take (queue URL, table name, topic ARN, ...)."""
        known = self.name or self.existing_name
        if self.env_attribute == "Name" and known:
            return Ref(self, "Name", len(known.encode()))
        arn = self.existing_arn
        if arn and ARN_PARTITION.match(arn) and self.env_attribute == "Arn":
            # An `arn:aws:` ARN is written partition-agnostic: only the partition can grow.
            return Ref(self, "Arn", len(arn.encode()) - len("aws") + PARTITION_MAX_CHARS)
        if arn and self.env_attribute == "Name":
            # The name is the ARN's resource part or its end (a parameter's gains a slash).
            return Ref(self, "Name", len(arn.split(":", 5)[-1].encode()) + 1)
        return Ref(self, self.env_attribute, self.env_max_bytes)


def _placeholder(stand_in: _R, diagnostic: Diagnostic) -> _R:
    """Raise `diagnostic`; while an app file loads, report it with everything else and go on
    with `stand_in`, which rules and compile skip like any invalid construct."""
    collector = active_collector()
    if collector is None:
        raise LambdakitError([diagnostic])
    collector.append(diagnostic)
    stand_in._origin = diagnostic.origin
    stand_in._broken = True
    return stand_in


# The resource-type part of an ARN's resource (`table/`, `function:`), and the six random
# characters Secrets Manager appends to a secret's name.
ARN_RESOURCE_TYPE = re.compile(r"^(table|stream|event-bus|parameter|key|function|secret"
                               r"|stateMachine)[/:](?=.)")
SECRET_SUFFIX = re.compile(r"(?<=.)-[A-Za-z0-9]{6}$")


def name_in_arn(arn: str) -> str:
    """What an existing resource is called, from its ARN: `...:table/orders` → `orders`,
    `...:function:orders:live` → `orders:live`, `...:secret:db/password-AbCdEf` → `db/password`.
    Only the construct's default id comes from it, so the statement ids name the resource."""
    resource = arn.split(":", 5)[-1]
    if ARN_RESOURCE_TYPE.match(resource):
        stripped = ARN_RESOURCE_TYPE.sub("", resource)
        return SECRET_SUFFIX.sub("", stripped) if resource.startswith("secret:") else stripped
    return resource


def pascal_id(text: str) -> str:
    """`orders-inbox.fifo` → `OrdersInboxFifo`: a valid construct id from a physical name."""
    words = [w for w in re.split(r"[^A-Za-z0-9]+", text) if w]
    joined = "".join(w[:1].upper() + w[1:] for w in words) or "Existing"
    # A derived id must be a valid one: a letter first, at most ID_MAX_CHARS (names run longer).
    return (joined if joined[0].isalpha() else f"R{joined}")[:ID_MAX_CHARS]
