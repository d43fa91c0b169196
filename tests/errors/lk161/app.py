"""LK161: a tag key with the prefix AWS keeps for itself."""

from lambdakit import App, Function

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    tags={"aws:team": "payments"},
)

app = App(name="lk161", functions=[worker])
