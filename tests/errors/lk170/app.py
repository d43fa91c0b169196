"""LK170: a recursive loop allowed without a reason."""

from lambdakit import App, Function

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    allow_recursive_loop="",
)

app = App(name="lk170", functions=[worker])
