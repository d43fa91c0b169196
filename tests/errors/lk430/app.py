"""LK430: an alias name with a dot (and aliases cannot be only digits either)."""

from lambdakit import App, Function

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    alias="v1.2",
)

app = App(name="lk430", functions=[worker])
