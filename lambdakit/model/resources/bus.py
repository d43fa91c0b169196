"""`EventBus`: a custom EventBridge event bus."""

from __future__ import annotations

from lambdakit.model.grants import Grant
from lambdakit.model.resources.base import Resource
from lambdakit.model.resources.naming import NAME_RULES


class EventBus(Resource):
    kind = "event_bus"
    resource_type = "AWS::Events::EventBus"
    env_attribute = "Name"
    env_max_bytes = 256
    service = "events"
    name_rule = NAME_RULES["event_bus"]

    def put(self) -> Grant:
        return self.grant("put")
