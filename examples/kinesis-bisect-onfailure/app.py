"""kinesis-bisect-onfailure: a one-shard Kinesis stream read by a function that sets anomalous
records aside on an SQS queue; the stream's event source mapping bisects failing batches and
sends what it gives up on to the same queue.

Corpus case `/work/shared/corpus/kinesis-bisect-onfailure` (aws-samples/serverless-patterns,
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

TODO(events): the `Kinesis` event source `DataActivityKinesisEvent` is not expressed yet:
  starting position TRIM_HORIZON, batch size 5, maximum retry attempts 5, maximum record age
  3600 s, bisect batch on function error, on-failure destination SQS `AnomalyDataQueue`.
  The event will imply the poller's stream read on `DataActivityKinesisStream` only (the
  corpus's managed policy allows it on every stream) and the destination's `sqs:SendMessage` on
  the queue, which the function's own `send()` grant below already holds. The stream read is
  not granted by hand: the function's code never calls Kinesis.
"""

from lambdakit import App, Function, Queue, Stream

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
    # The function's code sends anomalous records to the queue (spec.md: SQSSendMessagePolicy).
    grants=[anomalies.send()],
)

app = App(name="kinesis-bisect-onfailure", functions=[processor],
          tags={"AppName": "serverless-pattern"})
