"""`EventBus`: a custom EventBridge event bus."""

from __future__ import annotations

from lambdakit.model.grants import Grant
from lambdakit.model.resources.base import Resource


class EventBus(Resource):
    kind = "event_bus"
    env_attribute = "Name"
    env_max_bytes = 256
    service = "events"
    # "/" is for partner event buses only, and "default" is the account's own bus.
    name_rule = (r"^(?!default$)[.\-_A-Za-z0-9]{1,256}$",
                 "1–256 letters, digits, . - _ (not 'default', which every account already has)")

    def put(self) -> Grant:
        return self.grant("put")
