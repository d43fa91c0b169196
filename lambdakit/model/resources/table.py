"""`Table`: a DynamoDB table, on demand, with point-in-time recovery and encryption."""

from __future__ import annotations

from typing import Literal

from lambdakit.limits.naming import NAME_RULES
from lambdakit.model.base import Construct
from lambdakit.model.grants import Grant
from lambdakit.model.resources.base import Resource
from lambdakit.model.resources.key import Key

AttributeType = Literal["S", "N", "B"]
StreamView = Literal["NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY"]


class Index(Construct):
    """A global secondary index."""

    kind = "index"

    name: str
    partition_key: str
    partition_key_type: AttributeType = "S"
    sort_key: str | None = None
    sort_key_type: AttributeType = "S"
    projection: Literal["ALL", "KEYS_ONLY"] = "ALL"


class Table(Resource):
    kind = "table"
    resource_type = "AWS::DynamoDB::Table"
    env_attribute = "Name"
    env_max_bytes = NAME_RULES["table"].max_chars
    service = "dynamodb"
    stateful = True
    name_rule = NAME_RULES["table"]

    partition_key: str | None = None  # required for an owned table (LK209)
    partition_key_type: AttributeType = "S"
    sort_key: str | None = None
    sort_key_type: AttributeType = "S"
    indexes: list[Index] = []
    stream: StreamView | None = None
    ttl_attribute: str | None = None
    key: Key | None = None

    def read(self) -> Grant:
        return self.grant("read")

    def write(self) -> Grant:
        return self.grant("write")

    def put(self) -> Grant:
        """Only PutItem, for writers that never update or delete. Not append-only: a put
        replaces an item with the same key (unless the call's own ConditionExpression says
        `attribute_not_exists`); the grant refuses ReturnValues other than NONE, so the item
        replaced is not returned."""
        return self.grant("put")

    def read_write(self) -> Grant:
        return self.grant("read_write")

    def read_stream(self) -> Grant:
        return self.grant("read_stream")
