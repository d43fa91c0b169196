"""LK110: environment variables larger than Lambda's 4 KB."""

from lambdakit import App, Function

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    environment={"CATALOG": "x" * 5000},
)

app = App(name="lk110", functions=[worker])
