"""sqs-partial-batch-dlq: a work queue with a redrive dead-letter queue, consumed by an arm64
function that reports partial batch failures.

Corpus case `shared/corpus/sqs-partial-batch-dlq` (aws-samples/serverless-patterns,
`sqs-lambda-python-sam`). Same function (id, runtime, handler, 128 MB, 3 s, arm64, no
environment) and the same two queues with their settings.

The `SQS` event `MySQSEvent` (batch size 10, partial batch responses, no batching window,
enabled) is lambdakit's `SqsEvent` with its defaults. It implies the poller's consume access on
`ProcessingQueue` only (the corpus's managed AWSLambdaSQSQueueExecutionRole allows it on every
queue); the function's code never calls SQS itself, so nothing else is granted. The queue keeps
the corpus's explicit 30 s visibility timeout, 10 x the function's timeout (LK313 checks 6 x).
Not reproduced on purpose: the corpus's function-level `DeadLetterQueue` (SQS,
  `ProcessingDLQ`). A function DLQ (like an on-failure destination) captures failed
  *asynchronous* invocations only, and the SQS event source mapping invokes
  the function synchronously, so it can never fire here. Failed messages reach
  `ProcessingDLQ` through the queue's redrive policy. Its implied `sqs:SendMessage` on
  `ProcessingDLQ` is unnecessary (spec.md) and is not granted.
"""

from lambdakit import App, Function, Queue
from lambdakit.events import SqsEvent

FOURTEEN_DAYS_S = 14 * 24 * 3600

dead_letters = Queue(id="ProcessingDLQ", retention=FOURTEEN_DAYS_S)
work = Queue(
    id="ProcessingQueue",
    visibility_timeout=30,
    dead_letter_queue=dead_letters,
    max_receive_count=3,  # the corpus's value; see the acknowledgement below
)

processor = Function(
    id="ProcessorFunction",
    handler="app.lambda_handler",
    code="src/",
    runtime="python3.14",
    architecture="arm64",
    memory=128,
    timeout=3,
    events=[SqsEvent(queue=work, name="MySQSEvent")],
)

app = App(
    name="sqs-partial-batch-dlq",
    functions=[processor],
    acknowledge={"LK206": "the corpus moves a message to ProcessingDLQ after 3 receives; "
                          "failures are reported per message (ReportBatchItemFailures), so "
                          "only failed messages are received again"},
)
