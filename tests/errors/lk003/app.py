"""LK003: two functions with the same id would share logical ids in the template."""

from lambdakit import App, Function

orders = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
)

refunds = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
)

app = App(name="lk003", functions=[orders, refunds])
