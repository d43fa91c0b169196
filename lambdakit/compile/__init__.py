"""Model → troposphere `Template`, plus which construct each logical id came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from troposphere import Template

from lambdakit.compile.function import emit_function
from lambdakit.model import App, Construct

SAM_TRANSFORM = "AWS::Serverless-2016-10-31"


@dataclass
class Compiled:
    template: Template
    origins: dict[str, Construct] = field(default_factory=dict)


def compile_app(app: App, base_dir: Path) -> Compiled:
    """Compile a checked app; `base_dir` is where the template will live (code paths are
    written relative to it)."""
    template = Template(Description=app.description or f"lambdakit app {app.name}")
    template.set_version("2010-09-09")
    template.set_transform(SAM_TRANSFORM)
    compiled = Compiled(template)
    for fn in sorted(app.all_functions(), key=lambda f: f.id):
        emit_function(template, app, fn, base_dir)
        for logical_id in fn.resource_ids():
            compiled.origins[logical_id] = fn
    return compiled
