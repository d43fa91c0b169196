"""LK104: a timeout above Lambda's 15-minute maximum."""

from lambdakit import App, Function

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    timeout=1200,
)

app = App(name="lk104", functions=[worker])
