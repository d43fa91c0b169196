"""LK133: a code directory that does not exist."""

from lambdakit import App, Function

worker = Function(
    id="Worker",
    handler="app.handler",
    code="build/",
    runtime="python3.13",
)

app = App(name="lk133", functions=[worker])
