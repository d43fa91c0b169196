"""LK120: a runtime Lambda does not know."""

from lambdakit import App, Function

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.99",
)

app = App(name="lk120", functions=[worker])
