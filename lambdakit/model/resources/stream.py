"""`Stream`: a Kinesis data stream, encrypted, on demand unless given shards; `StreamConsumer`:
an enhanced fan-out consumer of one, with its own read throughput."""

from __future__ import annotations

from lambdakit.limits.naming import NAME_RULES
from lambdakit.model.grants import Grant
from lambdakit.model.instance import Instance
from lambdakit.model.resources.base import Resource
from lambdakit.model.resources.key import Key


class Stream(Resource):
    kind = "stream"
    resource_type = "AWS::Kinesis::Stream"
    env_attribute = "Name"
    env_max_bytes = NAME_RULES["stream"].max_chars
    service = "kinesis"
    stateful = True
    name_rule = NAME_RULES["stream"]

    shards: int | None = None
    retention_hours: int = 24
    key: Key | None = None

    def read(self) -> Grant:
        return self.grant("read")

    def write(self) -> Grant:
        return self.grant("write")


class StreamConsumer(Resource):
    """An enhanced fan-out consumer of `stream`: 2 MB/s per shard of its own, records pushed
    over HTTP/2 (SubscribeToShard) instead of polled. Give it to a `KinesisEvent`."""

    kind = "stream_consumer"
    resource_type = "AWS::Kinesis::StreamConsumer"
    service = "kinesis"
    # ConsumerName: unique per stream; when unset, the id (`<stack name>-<id>` on an existing
    # stream, which other stacks of the app may also consume).
    name_rule = NAME_RULES["stream_consumer"]

    stream: Instance[Stream] | None = None  # required for an owned consumer

    def subscribe(self) -> Grant:
        if self.existing_name is not None:  # a `KinesisEvent` says so as LK328
            return self.refused_grant(
                "subscribe", f"{self.label()}.subscribe() needs the consumer's ARN, not its "
                             f"name ({self.existing_name!r})",
                "a consumer's ARN ends in its registration time: StreamConsumer.existing(arn="
                "'arn:aws:kinesis:REGION:ACCOUNT:stream/NAME/consumer/CONSUMER:TIMESTAMP')")
        return self.grant("subscribe")
