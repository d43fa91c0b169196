"""LK151: log levels with Text logs, which Lambda cannot filter."""

from lambdakit import App, Function, Logging

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    logging=Logging(format="Text", application_level="DEBUG"),
)

app = App(name="lk151", functions=[worker])
