# Stream sources. Kinesis: defaults (bounded retries and age, bisect, partial batch responses)
# with an SQS on-failure destination; every option on a second mapping (AT_TIMESTAMP,
# batching window, parallelization, tumbling window, filters, unbounded retries acknowledged,
# an SNS destination) on a stream with a customer key; an existing stream through an existing
# enhanced fan-out consumer, disabled, with an S3 destination; an owned fan-out consumer.
# DynamoDB: an owned table's stream with a queue destination, and an existing table's stream
# by its ARN, failures acknowledged. Each implies read on its own stream only (and subscribe
# on its consumer), plus send/publish/put on its destination.
import datetime as dt

from lambdakit import App, Bucket, Function, Key, Queue, Stream, StreamConsumer, Table, Topic
from lambdakit.events import DynamoDbStreamEvent, KinesisEvent

key = Key(id="ClicksKey", description="Encrypts the clicks stream")
order_events = Stream(id="OrderEvents", shards=1)
clicks = Stream(id="Clicks", key=key)
partner = Stream.existing(arn="arn:aws:kinesis:eu-west-1:111122223333:stream/partner-feed")
fan_out = StreamConsumer(id="OrderEventsFanOut", stream=order_events)
partner_fan_out = StreamConsumer.existing(
    arn="arn:aws:kinesis:eu-west-1:111122223333:stream/partner-feed/consumer/lambdakit:1767225600")
failed = Queue(id="FailedRecords")
alerts = Topic(id="StreamAlerts")
archive = Bucket(id="FailedBatches")
orders = Table(id="Orders", partition_key="pk", sort_key="sk", stream="NEW_AND_OLD_IMAGES")
legacy = Table.existing(arn="arn:aws:dynamodb:eu-west-1:111122223333:table/legacy-items")

reader = Function(
    id="OrdersReader", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    events=[KinesisEvent(stream=order_events, starting_position="TRIM_HORIZON",
                         on_failure=failed),
            KinesisEvent(stream=order_events, consumer=fan_out, name="FanOut",
                         starting_position="LATEST", on_failure=failed)],
)
aggregator = Function(
    id="ClickAggregator", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    timeout=60,
    events=[
        KinesisEvent(stream=clicks, name="Clicks", starting_position="AT_TIMESTAMP",
                     starting_timestamp=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
                     batch_size=500, batching_window=5, parallelization=4,
                     tumbling_window=120, maximum_retry_attempts=-1,
                     maximum_record_age=-1, bisect_on_error=False,
                     report_batch_item_failures=False,
                     filters=[{"data": {"kind": ["click"]}}], on_failure=alerts),
        KinesisEvent(stream=partner, consumer=partner_fan_out, starting_position="LATEST",
                     enabled=False, on_failure=archive),
    ],
    acknowledge={"LK323": "clicks are aggregated per window; retrying until expiry is wanted"},
)
changes = Function(
    id="OrderChanges", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    events=[
        DynamoDbStreamEvent(table=orders, starting_position="LATEST", batch_size=50,
                            maximum_retry_attempts=5, maximum_record_age=3600,
                            on_failure=failed),
        DynamoDbStreamEvent(
            table=legacy, starting_position="TRIM_HORIZON",
            stream_arn="arn:aws:dynamodb:eu-west-1:111122223333:table/legacy-items/stream/"
                       "2024-05-01T00:00:00.000"),
    ],
    acknowledge={"LK325": "the legacy table is re-exported nightly; a lost change reappears"},
)

app = App(name="events-streams", functions=[reader, aggregator, changes])
