"""Event sources → the function's SAM `Events` (and properties such as `FunctionUrlConfig`).

Each family in `lambdakit.events` already knows its SAM properties; what is left here is
resolving the model references they hold into CloudFormation values.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from lambdakit.compile.references import reference_value
from lambdakit.compile.template import Template
from lambdakit.events._loaded import imported
from lambdakit.model import Function, Ref
from lambdakit.plan import Plan

# Resources event sources need beyond their SAM event (a subscription, a scheduler's role),
# one emitter per family, each over the whole app: (the families whose sources it looks at,
# its module under lambdakit.compile.events, the emitter). An emitter is imported, and runs,
# once one of its families is imported (`imported`): before, it has nothing to emit.
EVENT_EMITTERS: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (("sns",), "push", "emit_buffer_subscriptions"),
    (("schedule",), "schedule", "emit_scheduler_roles"),
    (("s3",), "s3", "emit_invoke_permissions"),
)


def emit_event_resources(template: Template, plan: Plan) -> None:
    for families, module, name in EVENT_EMITTERS:
        if imported(*families):
            getattr(import_module(f"{__name__}.{module}"), name)(template, plan)


def sam_events(fn: Function) -> tuple[dict[str, Any], dict[str, Any]]:
    """(the SAM `Events` mapping, properties set on the function itself)."""
    events: dict[str, Any] = {}
    function_properties: dict[str, Any] = {}
    for source, binding in fn.bindings():
        if source.sam_event_type():
            events[source.event_name()] = {"Type": source.sam_event_type(),
                                           "Properties": resolve(binding.properties)}
        function_properties.update(resolve(binding.function_properties))
    return dict(sorted(events.items())), function_properties


def resolve(value: Any) -> Any:
    """Model references → CloudFormation values, through nested dicts and lists."""
    if isinstance(value, Ref):
        return reference_value(value)
    if isinstance(value, dict):
        return {key: resolve(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [resolve(item) for item in value]
    return value
