"""Every resource and output of the template, gathered once from the constructs that declare
them: what lambdakit writes (with its type), and what the SAM transform derives from it.

Each construct mints its own logical ids (`Function.role_id`, `Queue.policy_id`, ...), once;
this module is the only place that gathers them. The rules count what it gathers (LK003, LK007,
LK011), compile writes exactly its written resources and outputs, and `explain` and the
second-opinion checks read their origins from it."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from lambdakit.iam.size import PolicyPlan
from lambdakit.model import App, Construct, Function, Queue, Resource
from lambdakit.model.deployment import TrafficShift

# The CodeDeploy application SAM writes once for every function with a gradual deployment.
DEPLOYMENT_APPLICATION_ID = "ServerlessDeploymentApplication"


class PlannedResource(NamedTuple):
    """One resource of the stack. `written`: lambdakit declares it in the template, as `type`;
    otherwise the SAM transform derives it from a written one, and `type` is None (SAM's to
    choose). `logical_id` is None where SAM names it after a hash of its content."""

    logical_id: str | None
    type: str | None
    origin: Construct
    written: bool
    # What must exist first: the `DependsOn` compile writes.
    depends_on: tuple[str, ...] = ()


class PlannedOutput(NamedTuple):
    logical_id: str
    origin: Construct


def gather_resources(app: App, policies: dict[int, PolicyPlan | None],
                     deployment_configs: dict[str, TrafficShift],
                     authorizer_permissions: list[Construct],
                     awaited: Callable[[Resource], tuple[str, ...]]) -> list[PlannedResource]:
    """In the order a clash is reported in: the first owner of an id keeps it. `awaited`: what
    an owned resource waits for beyond what it declares (a bucket, the permissions of the
    functions it notifies)."""
    found: list[PlannedResource] = []
    dead_letters = app.dead_letter_queues()
    for construct in app.reachable():
        if isinstance(construct, Function):
            found += _function(construct, policies.get(id(construct)))
        elif isinstance(construct, Resource):
            found += _resource(construct, id(construct) in dead_letters, awaited(construct))
    for fn in app.all_functions():
        plan = policies.get(id(fn))
        if plan is not None:
            found += [PlannedResource(policy_id, "AWS::IAM::ManagedPolicy", fn, True)
                      for policy_id in plan.managed_policy_ids()]
            found += [PlannedResource(policy_id, "AWS::IAM::Policy", fn, True)
                      for policy_id in plan.deferred_policy_ids()]
    found += [PlannedResource(config_id, "AWS::CodeDeploy::DeploymentConfig", shape, True)
              for config_id, shape in deployment_configs.items()]
    deployed = [fn for fn in app.all_functions() if fn.live_deployment() is not None]
    if deployed:
        found.append(PlannedResource(DEPLOYMENT_APPLICATION_ID, None, app, False))
    # SAM's permission for each Lambda authorizer of a REST API, named after a hash.
    found += [PlannedResource(None, None, api, False) for api in authorizer_permissions]
    return found


def _function(fn: Function, policies: PolicyPlan | None) -> list[PlannedResource]:
    # The role exists before its managed policies are attached to it: the function must wait
    # for them, or it (and its event sources) could start with only the inline policy.
    awaited = tuple(policies.awaited_policy_ids()) if policies is not None else ()
    function, *rest = fn.written_resources()
    found = [PlannedResource(function.logical_id, function.type, fn, True, awaited)]
    found += [PlannedResource(w.logical_id, w.type, fn, True, w.depends_on) for w in rest]
    found += [PlannedResource(i, None, fn, False) for i in fn.derived_ids()]
    # A name used twice in one function is LK300, not also a clash of the ids SAM derives.
    seen = {i for i in fn.derived_ids() if i is not None}
    for source in fn.live_events():
        entries = [*(PlannedResource(i, None, source, False) for i in source.derived_ids(fn)),
                   *(PlannedResource(w.logical_id, w.type, source, True, w.depends_on)
                     for w in source.written_resources(fn))]
        for entry in entries:
            if entry.logical_id is None or entry.logical_id not in seen:
                found.append(entry)
                if entry.logical_id is not None:
                    seen.add(entry.logical_id)
    return found


def _resource(resource: Resource, is_dead_letter: bool,
              awaited: tuple[str, ...]) -> list[PlannedResource]:
    written = resource.written_resources()
    if not written:  # existing: only referenced
        return []
    primary, *children = written
    found = [PlannedResource(primary.logical_id, primary.type, resource, True,
                             (*primary.depends_on, *awaited))]
    found += [PlannedResource(i, None, resource, False) for i in resource.derived_ids()]
    found += [PlannedResource(w.logical_id, w.type, resource, True, w.depends_on)
              for w in children]
    if isinstance(resource, Queue) and resource.needs_own_dead_letter(is_dead_letter):
        found.append(PlannedResource(resource.dead_letter_id, "AWS::SQS::Queue", resource, True))
    return found


def gather_outputs(app: App) -> list[PlannedOutput]:
    found: list[PlannedOutput] = []
    for construct in app.reachable():
        if isinstance(construct, Function):
            found += [PlannedOutput(i, construct) for i in construct.output_ids()]
            found += [PlannedOutput(i, source) for source in construct.live_events()
                      for i in source.outputs(construct)]
        elif isinstance(construct, Resource) and not construct.is_existing:
            found += [PlannedOutput(i, construct) for i in construct.output_ids()]
    return found
