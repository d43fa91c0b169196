"""Kinesis data streams and DynamoDB Streams: Lambda reads each shard in order and invokes the
function with batches of records.

A shard is processed in order, so a record the function cannot handle blocks its shard until
Lambda gives up on it. AWS's defaults never give up before the record expires (retries and
record age both unlimited: a day on a default Kinesis stream, a year at most). lambdakit's
defaults bound both, bisect failing batches so a poison record is isolated instead of failing
its whole batch again, and report partial batch failures; records Lambda gives up on go to the
`on_failure` destination (without one they are skipped and lost: LK325).
"""

from __future__ import annotations

import base64
import datetime as dt
from typing import TYPE_CHECKING, Any, Literal

from lambdakit.events._patterns import payload_text, satisfying_any
from lambdakit.events._samples import (
    SAMPLE_REGION,
    sample_arn,
    sample_id,
    sample_name,
    sample_uuid,
)
from lambdakit.events.sqs import filter_criteria
from lambdakit.limits.arns import partition_agnostic
from lambdakit.limits.quotas import ARN_MAX_CHARS
from lambdakit.model import (
    Binding,
    Bucket,
    EventSource,
    Queue,
    Ref,
    Stream,
    StreamConsumer,
    Table,
    Topic,
)
from lambdakit.model.grants import Grant
from lambdakit.model.instance import Instance

if TYPE_CHECKING:
    from lambdakit.model import Construct, Function

StartingPosition = Literal["TRIM_HORIZON", "LATEST", "AT_TIMESTAMP"]

# Lambda's default batch size for both stream sources.
DEFAULT_BATCH_SIZE = 100
# Three retries: with bisection on (splits do not count as retries), enough to ride out a
# throttled downstream call, yet a poison record holds its shard for at most four invocations.
DEFAULT_RETRY_ATTEMPTS = 3
# Six hours: long enough to survive a bad deploy and its rollback, short enough that a shard
# stuck on failing invocations moves on the same day (AWS's default is the stream's retention).
DEFAULT_RECORD_AGE_S = 21600
SAMPLE_TIME = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
SAMPLE_SEQUENCE = "49590338271490256608559692538361571095921575989136588898"

# What receives records Lambda gives up on; each implies the role's access to it.
FailureDestination = Instance[Queue] | Instance[Topic] | Instance[Bucket]


class StreamSource(EventSource):
    """What Kinesis and DynamoDB stream sources share: positions, batching, failure handling."""

    invocation = "poll"

    # Required: where a new mapping starts decides whether existing records are processed.
    starting_position: StartingPosition
    # With AT_TIMESTAMP (Kinesis only): records from this moment on; must be timezone-aware.
    starting_timestamp: dt.datetime | None = None
    batch_size: int = DEFAULT_BATCH_SIZE
    # Seconds Lambda may wait to fill a batch (MaximumBatchingWindowInSeconds); 0 = none.
    batching_window: int = 0
    # -1 = until the record expires (AWS's default); lambdakit bounds both on purpose.
    maximum_retry_attempts: int = DEFAULT_RETRY_ATTEMPTS
    maximum_record_age: int = DEFAULT_RECORD_AGE_S
    bisect_on_error: bool = True
    # Concurrent batches per shard (ParallelizationFactor); order is kept per partition key.
    parallelization: int = 1
    # Seconds of a tumbling window for stateful aggregation; unset = none.
    tumbling_window: int | None = None
    report_batch_item_failures: bool = True
    on_failure: FailureDestination | None = None
    filters: list[dict[str, Any]] = []
    enabled: bool = True

    def source_property(self) -> tuple[str, Any]:
        """The SAM property naming what is read, and its value."""
        raise NotImplementedError

    def source_grants(self) -> tuple[Grant, ...]:
        """The poller's read access on what it reads."""
        raise NotImplementedError

    def referenced_constructs(self) -> list[Construct]:
        return [self.on_failure] if self.on_failure is not None else []

    def bind(self, fn: Function) -> Binding:
        key, value = self.source_property()
        properties: dict[str, Any] = {
            key: value,
            "StartingPosition": self.starting_position,
            "BatchSize": self.batch_size,
            "MaximumRetryAttempts": self.maximum_retry_attempts,
            "MaximumRecordAgeInSeconds": self.maximum_record_age,
            "BisectBatchOnFunctionError": self.bisect_on_error,
        }
        if self.starting_timestamp is not None:
            properties["StartingPositionTimestamp"] = self.starting_timestamp.timestamp()
        if self.batching_window:
            properties["MaximumBatchingWindowInSeconds"] = self.batching_window
        if self.parallelization != 1:
            properties["ParallelizationFactor"] = self.parallelization
        if self.tumbling_window is not None:
            properties["TumblingWindowInSeconds"] = self.tumbling_window
        if self.report_batch_item_failures:
            properties["FunctionResponseTypes"] = ["ReportBatchItemFailures"]
        if self.filters:
            properties["FilterCriteria"] = filter_criteria(self.filters)
        if not self.enabled:
            properties["Enabled"] = False
        grants = self.source_grants()
        if self.on_failure is not None:
            # SAM's `Type` only makes SAM write a policy, which it skips for a given role.
            properties["DestinationConfig"] = {
                "OnFailure": {"Destination": Ref(self.on_failure, "Arn", ARN_MAX_CHARS.value)}}
            grants += (failure_grant(self.on_failure, self),)
        return Binding(properties, grants=grants)


def failure_grant(destination: Queue | Topic | Bucket, source: EventSource) -> Grant:
    """Lambda sends the failure record with the function's role."""
    access = {"queue": "send", "topic": "publish", "bucket": "failure_records"}[
        destination.kind]
    return destination.grant(access, origin=source.origin)


class KinesisEvent(StreamSource):
    """Records of a Kinesis data `stream`: polled through the shards' shared read throughput,
    or pushed through an enhanced fan-out `consumer` of the stream, with its own."""

    sam_type = "Kinesis"

    stream: Instance[Stream]
    consumer: Instance[StreamConsumer] | None = None

    def default_name(self) -> str:
        return f"From{self.stream.id}"

    def referenced_constructs(self) -> list[Construct]:
        consumer = [self.consumer] if self.consumer is not None else []
        return [self.stream, *consumer, *super().referenced_constructs()]

    def source_property(self) -> tuple[str, Any]:
        if self.consumer is not None:
            return "Stream", Ref(self.consumer, "Arn", ARN_MAX_CHARS.value)
        return "Stream", Ref(self.stream, "Arn", ARN_MAX_CHARS.value)

    def source_grants(self) -> tuple[Grant, ...]:
        # Lambda reads the stream's shards either way; a consumer adds SubscribeToShard on it.
        grants: tuple[Grant, ...] = (self.stream.grant("read", origin=self.origin),)
        if self.consumer is not None and self.consumer.existing_name is None:  # else LK328
            grants += (self.consumer.grant("subscribe", origin=self.origin),)
        return grants

    def sample_event(self, fn: Function) -> dict[str, Any]:
        arn = sample_arn("kinesis", f"stream/{sample_name(self.stream)}")
        # The filters see the record's data (as JSON when it is JSON).
        kinesis = satisfying_any(self.filters, {
            "kinesisSchemaVersion": "1.0",
            "partitionKey": "partition-1",
            "sequenceNumber": SAMPLE_SEQUENCE,
            "data": {"example": "record"},
            "approximateArrivalTimestamp": SAMPLE_TIME.timestamp(),
        })
        kinesis["data"] = base64.b64encode(payload_text(kinesis["data"]).encode()).decode()
        return {"Records": [{
            "kinesis": kinesis,
            "eventSource": "aws:kinesis",
            "eventVersion": "1.0",
            "eventID": f"shardId-000000000000:{SAMPLE_SEQUENCE}",
            "eventName": "aws:kinesis:record",
            "invokeIdentityArn": sample_arn("iam", f"role/{fn.id}Role", region=""),
            "awsRegion": SAMPLE_REGION,
            "eventSourceARN": arn,
        }]}


class DynamoDbStreamEvent(StreamSource):
    """Item changes of `table`, from its stream (the table's `stream=` view type says what each
    record holds: keys, new image, old image or both)."""

    sam_type = "DynamoDB"

    table: Instance[Table]
    # For `Table.existing(...)` only: its stream's ARN, whose label (a creation time) only
    # DynamoDB knows (DescribeTable's LatestStreamArn).
    stream_arn: str | None = None

    def default_name(self) -> str:
        return f"From{self.table.id}Stream"

    def referenced_constructs(self) -> list[Construct]:
        return [self.table, *super().referenced_constructs()]

    def source_property(self) -> tuple[str, Any]:
        if self.stream_arn is not None:
            return "Stream", partition_agnostic(self.stream_arn)
        return "Stream", Ref(self.table, "StreamArn", ARN_MAX_CHARS.value)

    def source_grants(self) -> tuple[Grant, ...]:
        return (self.table.grant("read_stream", origin=self.origin),)

    def sample_event(self, fn: Function) -> dict[str, Any]:
        name = sample_name(self.table)
        label = SAMPLE_TIME.strftime("%Y-%m-%dT%H:%M:%S.000")
        arn = self.stream_arn or sample_arn("dynamodb", f"table/{name}/stream/{label}")
        view = self.table.stream or "NEW_AND_OLD_IMAGES"
        keys = {self.table.partition_key or "pk": {"S": "item-1"}}
        if self.table.sort_key:
            keys[self.table.sort_key] = {"S": "version-1"}
        record: dict[str, Any] = {
            "ApproximateCreationDateTime": SAMPLE_TIME.timestamp(),
            "Keys": keys,
            "SequenceNumber": str(int(sample_id(arn, 12), 16)),
            "SizeBytes": 59,
            "StreamViewType": view,
        }
        if view in ("NEW_IMAGE", "NEW_AND_OLD_IMAGES"):
            record["NewImage"] = keys | {"status": {"S": "shipped"}}
        if view in ("OLD_IMAGE", "NEW_AND_OLD_IMAGES"):
            record["OldImage"] = keys | {"status": {"S": "packed"}}
        return {"Records": [satisfying_any(self.filters, {
            "eventID": sample_uuid(f"{arn}/{fn.id}").replace("-", ""),
            "eventName": "MODIFY",
            "eventVersion": "1.1",
            "eventSource": "aws:dynamodb",
            "awsRegion": SAMPLE_REGION,
            "dynamodb": record,
            "eventSourceARN": arn,
        })]}
