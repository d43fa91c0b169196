"""The plan: what a loaded `App` will deploy, resolved once, as plain facts.

It sits between the model (and the access catalogue in `iam`) and the two stages that read it:
the rules judge the model and the plan, compile turns the plan into template data. Each fact is
computed at most once per app, when first asked, so a rule or an emitter never walks the app
for something another stage already knows.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, cast

from lambdakit.iam.size import PolicyPlan
from lambdakit.model import App, Bucket, Construct, Function, Queue, Resource, TrafficShift
from lambdakit.plan.deployments import (
    HookBinding,
    custom_configurations,
    hook_functions,
    index_hooks,
)
from lambdakit.plan.inventory import (
    PlannedOutput,
    PlannedResource,
    gather_outputs,
    gather_resources,
)
from lambdakit.plan.invocation import async_callers, destination_index, invoker_index
from lambdakit.plan.policies import policy_plan

if TYPE_CHECKING:
    from lambdakit.events.s3 import S3Event
    from lambdakit.plan.apis import Api, Authorizer, Route
    from lambdakit.plan.delivery import Sender

__all__ = ["Plan", "PlannedOutput", "PlannedResource", "plan_app"]


class Plan:
    """The resolved description of one app. Built by `plan_app`; read-only by convention."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.functions: list[Function] = app.all_functions()

    # ---------------------------------------------------------------- the template

    @cached_property
    def resources(self) -> list[PlannedResource]:
        """Every resource of the stack after the SAM transform: those lambdakit writes, and
        those SAM derives from them."""
        return gather_resources(self.app, self.policies, self.deployment_configs,
                                self._authorizer_permissions, self._awaited)

    @cached_property
    def written(self) -> dict[str, str]:
        """{logical id: type} of what the template declares: compile writes exactly these."""
        return {r.logical_id: r.type for r in self.resources
                if r.written and r.logical_id is not None and r.type is not None}

    @cached_property
    def depends_on(self) -> dict[str, tuple[str, ...]]:
        """{logical id: what must exist first} of the written resources that wait for any."""
        return {r.logical_id: r.depends_on for r in self.resources
                if r.written and r.logical_id is not None and r.depends_on}

    def _awaited(self, resource: Resource) -> tuple[str, ...]:
        """A bucket that notifies functions waits for their invoke permissions: S3 checks each
        one as the notification is written."""
        notified = self._notifications.get(id(resource), [])
        return tuple(sorted(source.permission_id(fn) for fn, source in notified))

    @cached_property
    def outputs(self) -> list[PlannedOutput]:
        return gather_outputs(self.app)

    def logical_ids(self) -> list[tuple[str, Construct]]:
        """Every logical id the stack will hold that is known before deploying, with the
        construct it comes from, in the order clashes are reported in."""
        return [(r.logical_id, r.origin) for r in self.resources if r.logical_id is not None]


    # ---------------------------------------------------------------- roles

    @cached_property
    def policies(self) -> dict[int, PolicyPlan | None]:
        """Each function's statements, sized and split (by `id(fn)`); None where its grants
        cannot be built (a rule reports why)."""
        return {id(fn): policy_plan(fn) for fn in self.functions}

    # ---------------------------------------------------------------- invocation

    @cached_property
    def destinations(self) -> dict[int, list[str]]:
        """`id(fn)` → the functions that name it as a destination, described."""
        return destination_index(self.functions)

    @cached_property
    def invokers(self) -> dict[int, list[str]]:
        """`id(fn)` → the ids of the functions granted to invoke it."""
        return invoker_index(self.functions)

    def async_callers(self, fn: Function, acknowledged: dict[str, str]) -> list[str]:
        """What invokes `fn` asynchronously, described (see `invocation.async_callers`)."""
        return async_callers(fn, self.destinations, acknowledged)

    # ---------------------------------------------------------------- deployments

    @cached_property
    def hooks(self) -> dict[int, list[HookBinding]]:
        """`id(fn)` → the hooks of its gradual deployments, in app order."""
        return index_hooks(self.app)

    def hook_functions(self, fn: Function) -> list[Function]:
        """The functions CodeDeploy invokes during `fn`'s deployments, each once, by id."""
        return hook_functions(self.hooks.get(id(fn), []))

    @cached_property
    def deployment_configs(self) -> dict[str, TrafficShift]:
        """The custom CodeDeploy configurations: {logical id: traffic shape}."""
        return custom_configurations(self.app)

    # ---------------------------------------------------------------- queues

    @cached_property
    def queue_senders(self) -> list[tuple[Queue, list[Sender]]]:
        """Owned queues that AWS services deliver to, with their senders."""
        from lambdakit.plan.delivery import queue_senders

        return queue_senders(self.app)

    @cached_property
    def key_senders(self) -> dict[int, list[Sender]]:
        """`id(key)` → the services that encrypt with it as they deliver to a queue."""
        from lambdakit.plan.delivery import key_senders

        return key_senders(self.queue_senders)

    @cached_property
    def _needed_visibility(self) -> dict[int, int]:
        from lambdakit.plan.queues import needed_visibility

        return needed_visibility(self.functions)

    def visibility_timeout(self, queue: Queue) -> int:
        """The queue's visibility timeout: as given, or derived from its consumers."""
        from lambdakit.plan.queues import visibility_timeout

        return visibility_timeout(queue, self._needed_visibility)

    # ---------------------------------------------------------------- buckets

    @cached_property
    def _notifications(self) -> dict[int, list[tuple[Function, S3Event]]]:
        index: dict[int, list[tuple[Function, S3Event]]] = {}
        for fn in sorted(self.functions, key=lambda f: f.id):
            for source in fn.live_events():
                bucket = source.notified_bucket()
                if bucket is not None:
                    index.setdefault(id(bucket), []).append((fn, cast("S3Event", source)))
        return index

    def notifications(self, bucket: Bucket) -> list[tuple[Function, S3Event]]:
        """The functions `bucket` notifies, with each source, in the template's order."""
        return self._notifications.get(id(bucket), [])

    # ---------------------------------------------------------------- APIs

    @cached_property
    def _routes(self) -> dict[int, list[tuple[Function, Route]]]:
        from lambdakit.plan.apis import route_index

        return route_index(self.app)

    def routes(self, api: Api) -> list[tuple[Function, Route]]:
        """The routes on `api`, with their functions, in the app's order."""
        return self._routes.get(id(api), [])

    def authorizers(self, api: Api) -> list[Authorizer]:
        """The authorizers `api` declares, one per name, by name."""
        from lambdakit.plan.apis import declared_authorizers

        return declared_authorizers(api, self.routes(api))

    @property
    def _authorizer_permissions(self) -> list[Construct]:
        """Each owned REST API once per Lambda authorizer it declares: SAM writes an invoke
        permission for each (a Lambda authorizer is the kind that names functions)."""
        apis = {id(r): r for r in self.app.all_resources()
                if r.kind == "rest_api" and not r.is_existing}
        return [api for api in apis.values()
                for authorizer in self.authorizers(cast("Api", api)) if authorizer.functions()]


def plan_app(app: App) -> Plan:
    """The plan of a loaded app."""
    return Plan(app)
