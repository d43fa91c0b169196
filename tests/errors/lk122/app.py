"""LK122: a runtime Lambda no longer accepts for new functions."""

from lambdakit import App, Function

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.7",
    architecture="x86_64",
)

app = App(name="lk122", functions=[worker])
