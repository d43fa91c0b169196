"""Owned resources → CloudFormation, one emitter per family. Existing resources emit nothing."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any

from troposphere import Template

from lambdakit.compile.resources.config import emit_event_bus, emit_key, emit_parameter, emit_secret
from lambdakit.compile.resources.identity import emit_user_pool
from lambdakit.compile.resources.messaging import emit_queue, emit_topic
from lambdakit.compile.resources.storage import (
    emit_bucket,
    emit_stream,
    emit_stream_consumer,
    emit_table,
)
from lambdakit.model import (
    App,
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

# One emitter per family; existing resources (and compute the app does not own) emit nothing.
EMITTERS: dict[type[Resource], Callable[[Template, App, Any], None]] = {
    Topic: emit_topic,
    Bucket: emit_bucket,
    Table: emit_table,
    Stream: emit_stream,
    StreamConsumer: emit_stream_consumer,
    EventBus: emit_event_bus,
    Secret: emit_secret,
    Parameter: emit_parameter,
    Key: emit_key,
    UserPool: emit_user_pool,
}
# The APIs routes are on, by their class's module and name, with their emitters in
# lambdakit.compile.events.http: imported only by the apps that declare an API.
API_EMITTERS: dict[tuple[str, str], str] = {
    ("lambdakit.events.rest", "RestApi"): "emit_rest_api",
    ("lambdakit.events.http_api", "HttpApi"): "emit_http_api",
}


def emit_resources(template: Template, app: App) -> None:
    dead_letters = app.dead_letter_queues()
    for resource in sorted(app.all_resources(), key=lambda r: r.id):
        if resource.is_existing:
            continue
        if isinstance(resource, Queue):  # the only family that needs the app's redrive graph
            emit_queue(template, app, resource, is_dead_letter=id(resource) in dead_letters)
        elif type(resource) in EMITTERS:
            EMITTERS[type(resource)](template, app, resource)
        elif (api := (type(resource).__module__, type(resource).__qualname__)) in API_EMITTERS:
            http = import_module("lambdakit.compile.events.http")
            getattr(http, API_EMITTERS[api])(template, app, resource)
