"""destinations-lambda-sqs: asynchronous invocation records go to a function on success and to
a queue on failure.

Corpus case `shared/corpus/destinations-lambda-sqs` (aws-samples/serverless-patterns,
`lambda-destinations-sam`). Same functions (ids, runtime, handlers, memory, timeout,
architecture from the corpus's Globals), the same failure queue and the same
`EventInvokeConfig` on `MainLambdaFunction`: OnSuccess -> Lambda `OnSuccessLambdaFunction`,
OnFailure -> SQS `OnFailureSqsQueue`, retries and event age left at Lambda's defaults (2 retries,
6 h). The destinations imply the main role's `lambda:InvokeFunction` on the success function and
`sqs:SendMessage` on the queue (Lambda delivers destination records with the function's
execution role); nothing is granted by hand.

Nothing in the template invokes the main function: it is invoked asynchronously by hand (CLI),
which its acknowledgement of LK384 says.

Added on purpose: `OnSuccessLambdaFunction` is itself invoked asynchronously (Lambda passes the
success records to it that way) and had no failure handling (spec.md's gap); its failed records
go to the same queue, which gives its role `sqs:SendMessage` on that queue.

Not reproduced on purpose: the corpus's `LambdaToQueuePolicy`, a queue policy letting the
service principal lambda.amazonaws.com send to the queue with no aws:SourceArn or
aws:SourceAccount condition (a confused-deputy shape). It is unnecessary: destination records
are sent with the function's execution role.
"""

from lambdakit import App, Function, Queue

# Globals of the corpus: nodejs24.x, 128 MB, 3 s, x86_64.
SETTINGS: dict = {"code": "src/", "runtime": "nodejs24.x", "architecture": "x86_64",
                  "memory": 128, "timeout": 3}

# Standard queue (Lambda cannot deliver to a FIFO one); lambdakit adds SSE, an explicit
# retention (SQS's own default, 4 days) and a redrive dead-letter queue.
on_failure = Queue(id="OnFailureSqsQueue")

on_success = Function(id="OnSuccessLambdaFunction", handler="app2.handler",
                      on_failure=on_failure, **SETTINGS)
main = Function(id="MainLambdaFunction", handler="app1.handler",
                on_success=on_success, on_failure=on_failure,
                acknowledge={"LK384": "invoked asynchronously by hand (aws lambda invoke "
                                      "--invocation-type Event), as in the corpus"},
                **SETTINGS)

app = App(name="destinations-lambda-sqs", functions=[main, on_success])
