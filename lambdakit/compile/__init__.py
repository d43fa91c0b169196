"""Model → `Template`, plus which construct each logical id came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lambdakit.compile.deployment import emit_deployment_configs
from lambdakit.compile.events import emit_event_resources
from lambdakit.compile.function import emit_function
from lambdakit.compile.layer import emit_layers
from lambdakit.compile.resources import emit_resources
from lambdakit.compile.template import Template
from lambdakit.model import App, Construct
from lambdakit.rules.policy_size import app_policy_plans, template_logical_ids

SAM_TRANSFORM = "AWS::Serverless-2016-10-31"


@dataclass
class Compiled:
    template: Template
    origins: dict[str, Construct] = field(default_factory=dict)


def compile_app(app: App, base_dir: Path) -> Compiled:
    """Compile a checked app; `base_dir` is where the template will live (code paths are
    written relative to it)."""
    template = Template(app.description or f"lambdakit app {app.name}", SAM_TRANSFORM)
    # The split into managed policies is decided as the checks decided it (LK003, LK007, LK210).
    plans = app_policy_plans(app)
    for fn in sorted(app.all_functions(), key=lambda f: f.id):
        plan = plans[id(fn)]
        if plan is None or not plan.fits:
            raise ValueError(f"{fn.id}: its role cannot be built (LK208 or LK210); "
                             "compile only apps that check clean")
        emit_function(template, app, fn, base_dir, plan)
    emit_resources(template, app)
    emit_event_resources(template, app)
    emit_layers(template, app, base_dir)
    emit_deployment_configs(template, app)
    return Compiled(template, dict(template_logical_ids(app, plans)))
