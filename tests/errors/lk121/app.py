"""LK121: a runtime deprecated on 2026-10-31 (the tests judge on 2026-11-22)."""

from lambdakit import App, Function

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.10",
)

app = App(name="lk121", functions=[worker])
