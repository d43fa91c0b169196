"""LK124: a Python release AWS announced after lambdakit's runtime table was last updated."""

from lambdakit import App, Function

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.15",
)

app = App(name="lk124", functions=[worker])
