"""The base of every event source: what binds a trigger to a function.

The concrete sources live in `lambdakit.events`, one module per family. `model` only knows the
shape they share, so a `Function` can hold them and the app can reach what they reference.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from pydantic import field_validator

from lambdakit.model.base import Construct, Written, check_id
from lambdakit.model.grants import Grant

if TYPE_CHECKING:
    from lambdakit.model.function import Function
    from lambdakit.model.resources import Queue, Resource

# How Lambda is invoked by the source: which failure handling applies depends on it.
Invocation = Literal["sync", "async", "poll"]


@dataclass(frozen=True)
class Binding:
    """What one event source adds to the function it is bound to.

    `properties` are the SAM event's `Properties`; values may hold model `Ref`s, which compile
    resolves. `grants` are the access the function's role needs because of the source (a poller
    reads its queue; a failure destination is written to). `function_properties` are set on the
    function itself (a function URL is a property, not a SAM event)."""

    properties: dict[str, Any] = field(default_factory=dict)
    grants: tuple[Grant, ...] = ()
    function_properties: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Delivery:
    """`service` sends to `queue` on behalf of `sender`: a construct (its ARN is meant) or a
    CloudFormation value naming the sending resource."""

    queue: Queue
    service: str
    sender: Any


class EventSource(Construct):
    """Something that invokes a function: a queue it polls, a route, a schedule, a bucket."""

    kind: ClassVar[str] = "event"
    # The SAM event `Type` ("SQS", "Api"); empty for sources set on the function itself.
    sam_type: ClassVar[str] = ""
    invocation: ClassVar[Invocation] = "async"

    # The event's key under the function's `Events` (and part of the ids SAM derives from it).
    name: str | None = None

    _check_name = field_validator("name")(lambda value: value if value is None
                                          else check_id(value))

    def sam_event_type(self) -> str:
        """The SAM event `Type` this source compiles to: the class's `sam_type`, unless a
        setting changes it (an SNS subscription buffered through a queue is an SQS event)."""
        return self.sam_type

    def invocation_mode(self) -> Invocation:
        """How Lambda is invoked: the class's `invocation`, unless a setting changes it (a
        buffered SNS subscription is polled from its queue, not pushed)."""
        return self.invocation

    def event_name(self) -> str:
        return self.name or self.default_name()

    def default_name(self) -> str:
        """A readable default, unique for the usual one source per target (`InboxQueue`)."""
        raise NotImplementedError

    def label(self) -> str:
        return self.event_name() if not self.broken else type(self).__name__

    def bind(self, fn: Function) -> Binding:
        raise NotImplementedError

    def referenced_constructs(self) -> list[Construct]:
        """What the source makes part of the app (its queue, bucket, API)."""
        return []

    def dependents(self) -> list[Construct]:
        """Owned constructs whose resource depends on the function (S3 writes the function into
        its bucket's notification configuration). The function cannot name them before it
        exists: its role's access to them is attached after it, and its environment cannot
        reference them."""
        return []

    def derived_ids(self, fn: Function) -> list[str | None]:
        """Resources the SAM transform derives from this event (a mapping, a permission), by
        logical id: they count towards the stack's limit and may clash. None where SAM's id is
        not predictable."""
        return [f"{fn.id}{self.event_name()}"]

    # What the plan asks of every source. Each family answers for its own sources, so the plan
    # never has to know (or import) the families an app does not use.

    def hooked_function(self) -> Function | None:
        """The function whose gradual deployments run this source's function as a hook."""
        return None

    def sqs_poller(self) -> EventSource | None:
        """The SQS source Lambda polls on this source's behalf (itself, or the queue a
        subscription is buffered through): the queue's visibility timeout must cover it."""
        return None

    def delivered_queue(self, fn: Function) -> Delivery | None:
        """The owned queue an AWS service sends to on this source's behalf, if any."""
        return None

    def routed_api(self) -> Resource | None:
        """The API this source is a route on."""
        return None

    def notified_bucket(self) -> Resource | None:
        """The bucket whose notifications invoke the function through this source."""
        return None

    def written_resources(self, fn: Function) -> list[Written]:
        """Resources lambdakit writes for this event itself, beside SAM's (a subscription SAM
        would write unencrypted, a scheduler's role)."""
        return []

    def outputs(self, fn: Function) -> dict[str, tuple[str, Any]]:
        """Outputs the template declares for this source (a function URL's address):
        {logical id: (description, CloudFormation value)}."""
        return {}

    def scanner_skips(self) -> list[dict[str, str]]:
        """checkov skips the function carries for what SAM generates from this source, each
        with a reason true for it (SAM copies no Metadata onto the generated resources)."""
        return []

    def sample_event(self, fn: Function) -> dict[str, Any]:
        """The event Lambda passes to the handler, shaped by this source's configuration."""
        raise NotImplementedError
