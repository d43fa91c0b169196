"""LK380: an asynchronously invoked function without an on-failure destination."""

from lambdakit import App, Function, Queue

failures = Queue(id="Failures")

report = Function(
    id="Report",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
)
ingest = Function(
    id="Ingest",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    on_success=report,
    on_failure=failures,
    acknowledge={"LK384": "invoked asynchronously by the upload service"},
)

app = App(name="lk380", functions=[ingest])
