"""`EventBus`: a custom EventBridge event bus."""

from __future__ import annotations

from lambdakit.limits.naming import NAME_RULES
from lambdakit.model.grants import Grant
from lambdakit.model.resources.base import Resource


class EventBus(Resource):
    kind = "event_bus"
    resource_type = "AWS::Events::EventBus"
    env_attribute = "Name"
    env_max_bytes = NAME_RULES["event_bus"].max_chars
    service = "events"
    name_rule = NAME_RULES["event_bus"]

    def put(self) -> Grant:
        return self.grant("put")
