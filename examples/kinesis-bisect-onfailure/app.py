"""kinesis-bisect-onfailure: a one-shard Kinesis stream read by a function that sets anomalous
records aside on an SQS queue; the stream's event source mapping bisects failing batches and
sends what it gives up on to the same queue.

Corpus case `shared/corpus/kinesis-bisect-onfailure` (aws-samples/serverless-patterns,
`kinesis-lambda-error-handling`). Same function (id, physical name, runtime, memory, timeout,
architecture, tracing, tag, `KINESIS_STREAM_NAME`), same stream (name, 1 provisioned shard,
25 h retention) and same queue (name), all tagged `AppName=serverless-pattern`.

Differences, each on purpose:
  * Handler: the corpus's `kinesis-consumer-fn.lambda_handler` is refused by lambdakit (LK132),
    although Lambda's Python runtime imports a hyphenated module file fine (reported as a
    lambdakit bug). The module is `kinesis_consumer_fn.py` here, under `src/` (the corpus's
    code directory is `kinesis-consumer/`).
  * `ANOMALY_QUEUE_URL` is added: spec.md says the function itself writes anomalous records to
    the queue, and lambdakit passes the queue's URL instead of a hard-coded name.
  * The corpus's `EventMonitor` log group (`KinesisDataStreamProcessorLogs`) is not attached to
    the function and is not expressed: lambdakit gives the function its own log group,
    `/aws/lambda/KinesisDataStreamProcessor`, with retention, where its logs really go.
  * lambdakit adds KMS encryption (AWS-managed key) to the stream, SSE and a redrive
    dead-letter queue to the queue, and log retention.

The `Kinesis` event source `DataActivityKinesisEvent` is the corpus's: starting position
TRIM_HORIZON, batch size 5, at most 5 retries, records at most 3600 s old, failing batches
bisected, on-failure destination SQS `AnomalyDataQueue`. It implies the poller's stream read on
`DataActivityKinesisStream` only (the corpus's managed policy allows it on every stream) and
`sqs:SendMessage` on the queue for the failure records, which the function's own `send()`
grant below also holds (one statement). The stream read is not granted by hand: the function's
code never calls Kinesis. Partial batch responses are off, as in the corpus: the handler fails
a batch by raising, and bisection isolates the record that made it fail.
"""

from lambdakit import App, Function, Queue, Stream
from lambdakit.events import KinesisEvent

stream = Stream(id="DataActivityKinesisStream", name="DataActivityKinesisStream", shards=1,
                retention_hours=25)
anomalies = Queue(id="AnomalyDataQueue", name="AnomalyDataQueue")

processor = Function(
    id="KinesisDataStreamProcessor",
    function_name="KinesisDataStreamProcessor",  # pinned in the corpus; not stack-unique
    handler="kinesis_consumer_fn.lambda_handler",
    code="src/",
    runtime="python3.14",
    architecture="x86_64",  # SAM's default, as in the corpus
    memory=128,
    timeout=10,
    tracing="active",
    environment={"KINESIS_STREAM_NAME": stream, "ANOMALY_QUEUE_URL": anomalies},
    events=[KinesisEvent(stream=stream, name="DataActivityKinesisEvent",
                         starting_position="TRIM_HORIZON", batch_size=5,
                         maximum_retry_attempts=5, maximum_record_age=3600,
                         bisect_on_error=True, report_batch_item_failures=False,
                         on_failure=anomalies)],
    # The function's code sends anomalous records to the queue (spec.md: SQSSendMessagePolicy).
    grants=[anomalies.send()],
)

app = App(name="kinesis-bisect-onfailure", functions=[processor],
          tags={"AppName": "serverless-pattern"})
