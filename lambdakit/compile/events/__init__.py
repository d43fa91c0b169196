"""Event sources → the function's SAM `Events` (and properties such as `FunctionUrlConfig`).

Each family in `lambdakit.events` already knows its SAM properties; what is left here is
resolving the model references they hold into CloudFormation values.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lambdakit.compile.references import reference_value
from lambdakit.compile.template import Template
from lambdakit.events._families import companion
from lambdakit.model import Function, Ref
from lambdakit.plan import Plan


def emit_event_resources(template: Template, plan: Plan) -> None:
    """What event families write beyond SAM's events (a subscription SAM would write
    unencrypted, a scheduler's role, S3's invoke permissions): each family's
    `lambdakit/compile/events/<family>.py` may define `emit_family(template, plan)`, run once
    when the app has a source of the family."""
    emitters: dict[int, Callable[[Template, Plan], None]] = {}
    for fn in plan.functions:
        for source in fn.live_events():
            emit = getattr(companion(type(source), __name__), "emit_family", None)
            if emit is not None:
                emitters.setdefault(id(emit), emit)
    for emit in emitters.values():
        emit(template, plan)


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
