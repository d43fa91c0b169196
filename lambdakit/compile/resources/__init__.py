"""Owned resources → CloudFormation, one emitter per family. Existing resources emit nothing."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING

from lambdakit.compile.template import Template
from lambdakit.events._families import companion
from lambdakit.model import (
    Bucket,
    EventBus,
    Key,
    Parameter,
    Queue,
    Resource,
    Secret,
    Stream,
    StreamConsumer,
    Table,
    Topic,
    UserPool,
)
from lambdakit.plan import Plan

if TYPE_CHECKING:
    from lambdakit.plan.delivery import Sender

# One emitter per family, as (its module, its name): a family's emitter is imported by the
# apps that own such a resource, and only by them.
# Existing resources (and compute the app does not own) emit nothing.
EMITTERS: dict[type[Resource], tuple[str, str]] = {
    Queue: ("lambdakit.compile.resources.messaging", "emit_queue"),
    Topic: ("lambdakit.compile.resources.messaging", "emit_topic"),
    Bucket: ("lambdakit.compile.resources.storage", "emit_bucket"),
    Table: ("lambdakit.compile.resources.storage", "emit_table"),
    Stream: ("lambdakit.compile.resources.storage", "emit_stream"),
    StreamConsumer: ("lambdakit.compile.resources.storage", "emit_stream_consumer"),
    EventBus: ("lambdakit.compile.resources.config", "emit_event_bus"),
    Secret: ("lambdakit.compile.resources.config", "emit_secret"),
    Parameter: ("lambdakit.compile.resources.config", "emit_parameter"),
    Key: ("lambdakit.compile.resources.config", "emit_key"),
    UserPool: ("lambdakit.compile.resources.identity", "emit_user_pool"),
}
def _emitter(module: str, name: str) -> Callable[..., None]:
    emit: Callable[..., None] = getattr(import_module(module), name)
    return emit


def delivery_senders(plan: Plan) -> dict[int, list[Sender]]:
    """The services that deliver to each owned queue, by the queue's `id()`."""
    return {id(queue): senders for queue, senders in plan.queue_senders}


def emit_resources(template: Template, plan: Plan) -> None:
    dead_letters = plan.app.dead_letter_queues()
    senders = delivery_senders(plan)
    for resource in sorted(plan.app.all_resources(), key=lambda r: r.id):
        if resource.is_existing:
            continue
        kind = type(resource)
        if isinstance(resource, Queue):  # the only family that needs the app's graph: redrive
            # and the services that deliver to it
            _emitter(*EMITTERS[Queue])(template, plan, resource,
                                      is_dead_letter=id(resource) in dead_letters,
                                      senders=senders.get(id(resource), []))
        elif kind in EMITTERS:
            _emitter(*EMITTERS[kind])(template, plan, resource)
        else:  # a resource of an event family (an API): the family's compile module writes it
            emit = getattr(companion(kind, "lambdakit.compile.events"), "emit_resource", None)
            if emit is not None:
                emit(template, plan, resource)
