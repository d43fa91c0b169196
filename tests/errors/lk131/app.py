"""LK131: a description longer than Lambda's 256 characters."""

from lambdakit import App, Function

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    description="Processes orders. " * 20,
)

app = App(name="lk131", functions=[worker])
