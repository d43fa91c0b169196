"""LK120: a runtime Lambda does not know (the dot of python3.13 left out)."""

from lambdakit import App, Function

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python313",
)

app = App(name="lk120", functions=[worker])
