"""LK150: a log retention CloudWatch Logs does not offer."""

from lambdakit import App, Function, Logging

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    logging=Logging(retention_days=45),
)

app = App(name="lk150", functions=[worker])
