"""LK160: a tag value longer than AWS allows."""

from lambdakit import App, Function

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    tags={"owner": "payments-team " * 20},
)

app = App(name="lk160", functions=[worker])
