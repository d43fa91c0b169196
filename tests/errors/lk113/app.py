"""LK113: a password written into the template."""

from lambdakit import App, Function

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    environment={"DB_PASSWORD": "hunter2"},
)

app = App(name="lk113", functions=[worker])
