"""LK384: asynchronous invocation settings on a function nothing invokes asynchronously."""

from lambdakit import App, Function, Queue

failures = Queue(id="Failures")

ingest = Function(
    id="Ingest",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    on_failure=failures,
    max_retry_attempts=1,
)

app = App(name="lk384", functions=[ingest])
