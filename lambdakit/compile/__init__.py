"""Model → `Template`, plus which construct each logical id came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lambdakit.compile.deployment import emit_deployment_configs
from lambdakit.compile.events import emit_event_resources
from lambdakit.compile.function import emit_function
from lambdakit.compile.layer import emit_layers
from lambdakit.compile.resources import emit_resources
from lambdakit.compile.template import Data, Template
from lambdakit.model import Construct
from lambdakit.plan import Plan

SAM_TRANSFORM = "AWS::Serverless-2016-10-31"


@dataclass
class Compiled:
    template: Template
    origins: dict[str, Construct] = field(default_factory=dict)


def compile_app(plan: Plan, base_dir: Path) -> Compiled:
    """Compile a checked app; `base_dir` is where the template will live (code paths are
    written relative to it)."""
    template = Template(plan.app.description or f"lambdakit app {plan.app.name}", SAM_TRANSFORM,
                        plan.depends_on)
    for fn in sorted(plan.functions, key=lambda f: f.id):
        policies = plan.policies[id(fn)]
        if policies is None or not policies.fits:
            raise ValueError(f"{fn.id}: its role cannot be built (LK208 or LK210); "
                             "compile only apps that check clean")
        emit_function(template, plan, fn, base_dir, policies)
    emit_resources(template, plan)
    emit_event_resources(template, plan)
    emit_layers(template, plan, base_dir)
    emit_deployment_configs(template, plan)
    _check_against_plan(template, plan)
    return Compiled(template, dict(plan.logical_ids()))


class PlanMismatch(AssertionError):
    """Compile wrote a resource or output the plan does not hold, or left one out: a bug in
    lambdakit (the rules counted the plan), never in the user's app."""


def _check_against_plan(template: Template, plan: Plan) -> None:
    written = {logical_id: str(resource.data["Type"])
               for logical_id, resource in template.resources.items()}
    if written != plan.written:
        extra = sorted(written.items() - plan.written.items())
        missing = sorted(plan.written.items() - written.items())
        raise PlanMismatch(f"compile wrote {extra} beyond the plan and left out {missing}")
    waits = {logical_id: tuple(dependencies) for logical_id, resource
             in template.resources.items() if (dependencies := _depends_on(resource))}
    if waits != plan.depends_on:
        raise PlanMismatch(f"compile wrote DependsOn {waits}, the plan holds {plan.depends_on}")
    planned = {output.logical_id for output in plan.outputs}
    if set(template.outputs) != planned:
        raise PlanMismatch(f"compile wrote the outputs {sorted(template.outputs)}, the plan "
                           f"holds {sorted(planned)}")


def _depends_on(resource: Data) -> list[str]:
    value = resource.data.get("DependsOn")
    return [value] if isinstance(value, str) else list(value or [])
