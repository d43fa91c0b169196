"""LK381: retries and event age outside what Lambda accepts."""

from lambdakit import App, Function, Queue

failures = Queue(id="Failures")

ingest = Function(
    id="Ingest",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    on_failure=failures,
    max_retry_attempts=3,
    max_event_age=30,
    acknowledge={"LK384": "invoked asynchronously by the upload service"},
)

app = App(name="lk381", functions=[ingest])
