"""Event sources → the function's SAM `Events` (and properties such as `FunctionUrlConfig`).

Each family in `lambdakit.events` already knows its SAM properties; what is left here is
resolving the model references they hold into CloudFormation values.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from troposphere import Template

from lambdakit.compile.events.push import emit_buffer_subscriptions, emit_delivery_policies
from lambdakit.compile.events.schedule import emit_scheduler_roles
from lambdakit.compile.intrinsics import cfn
from lambdakit.compile.references import reference_value
from lambdakit.model import App, Function, Ref

# Resources event sources need beyond their SAM event (a queue policy, a scheduler's role),
# one emitter per family, each over the whole app.
EVENT_EMITTERS: tuple[Callable[[Template, App], None], ...] = (
    emit_delivery_policies, emit_buffer_subscriptions, emit_scheduler_roles)


def emit_event_resources(template: Template, app: App) -> None:
    for emit in EVENT_EMITTERS:
        emit(template, app)


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
        return cfn(reference_value(value))
    if isinstance(value, dict):
        return {key: resolve(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [resolve(item) for item in value]
    return value
