"""`Stream`: a Kinesis data stream, encrypted, on demand unless given shards."""

from __future__ import annotations

from lambdakit.model.grants import Grant
from lambdakit.model.resources.base import Resource
from lambdakit.model.resources.key import Key


class Stream(Resource):
    kind = "stream"
    env_attribute = "Name"
    env_max_bytes = 128
    service = "kinesis"
    stateful = True
    name_rule = (r"^[a-zA-Z0-9_.-]{1,128}$", "1–128 letters, digits, underscores, dots, hyphens")

    shards: int | None = None
    retention_hours: int = 24
    key: Key | None = None

    def read(self) -> Grant:
        return self.grant("read")

    def write(self) -> Grant:
        return self.grant("write")
