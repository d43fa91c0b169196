"""LK900: a valid app; the test corrupts its template so the SAM transform rejects it."""

from lambdakit import App, Function

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
)

app = App(name="lk900", functions=[worker])
