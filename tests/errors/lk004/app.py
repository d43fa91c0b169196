"""LK004: an error acknowledged as if it were a warning."""

from lambdakit import App, Function

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    acknowledge={"LK104": "we know"},
)

app = App(name="lk004", functions=[worker])
