"""Owned resources → CloudFormation, one emitter per family. Existing resources emit nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from troposphere import Template

from lambdakit.compile.events.http import emit_http_api, emit_rest_api
from lambdakit.compile.resources.config import emit_event_bus, emit_key, emit_parameter, emit_secret
from lambdakit.compile.resources.identity import emit_user_pool
from lambdakit.compile.resources.messaging import emit_queue, emit_topic
from lambdakit.compile.resources.storage import emit_bucket, emit_stream, emit_table
from lambdakit.events import HttpApi, RestApi
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
    EventBus: emit_event_bus,
    Secret: emit_secret,
    Parameter: emit_parameter,
    Key: emit_key,
    RestApi: emit_rest_api,
    HttpApi: emit_http_api,
    UserPool: emit_user_pool,
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
