"""LK112: an environment variable name with a hyphen."""

from lambdakit import App, Function

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    environment={"table-name": "orders"},
)

app = App(name="lk112", functions=[worker])
