"""LK425: manual runtime updates without the runtime version to stay on."""

from lambdakit import App, Function

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    runtime_updates="manual",
)

app = App(name="lk425", functions=[worker])
