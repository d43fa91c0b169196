"""LK130: a function name with a space."""

from lambdakit import App, Function

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    function_name="order worker",
)

app = App(name="lk130", functions=[worker])
