"""destinations-lambda-sqs: asynchronous invocation records go to a function on success and to
a queue on failure.

Corpus case `/work/shared/corpus/destinations-lambda-sqs` (aws-samples/serverless-patterns,
`lambda-destinations-sam`). Same functions (ids, runtime, handlers, memory, timeout,
architecture from the corpus's Globals) and the same failure queue.

TODO(destinations): `MainLambdaFunction`'s `EventInvokeConfig` is not expressed yet:
  OnSuccess -> Lambda `OnSuccessLambdaFunction`, OnFailure -> SQS `OnFailureSqsQueue`, retries
  and event age left at Lambda's defaults (2 retries, 6 h).
  The destination will imply the main function's `lambda:InvokeFunction` on the success
  function and `sqs:SendMessage` on the queue (Lambda delivers destination records with the
  function's execution role). The main function's code calls neither, so neither is granted by
  hand here: today its role holds logging and tracing only.
  Because nothing references `OnFailureSqsQueue` until then, lambdakit does not emit it yet
  (an app holds what its functions reference, and App has no field for other resources).
  The success function is itself invoked asynchronously with no failure handling (spec.md);
  give it an on-failure destination too when destinations land.

Not reproduced on purpose: the corpus's `LambdaToQueuePolicy`, a queue policy letting the
service principal lambda.amazonaws.com send to the queue with no aws:SourceArn or
aws:SourceAccount condition (a confused-deputy shape). It is unnecessary: destination records
are sent with the function's execution role.
"""

from lambdakit import App, Function, Queue

# Globals of the corpus: nodejs24.x, 128 MB, 3 s, x86_64.
SETTINGS: dict = {"code": "src/", "runtime": "nodejs24.x", "architecture": "x86_64",
                  "memory": 128, "timeout": 3}

# Standard queue; lambdakit adds SSE, an explicit retention (SQS's own default, 4 days) and a
# redrive dead-letter queue. Emitted once the failure destination references it (see above).
on_failure = Queue(id="OnFailureSqsQueue")

on_success = Function(id="OnSuccessLambdaFunction", handler="app2.handler", **SETTINGS)
main = Function(id="MainLambdaFunction", handler="app1.handler", **SETTINGS)

app = App(name="destinations-lambda-sqs", functions=[main, on_success])
