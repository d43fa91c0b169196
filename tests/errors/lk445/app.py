"""LK445: a gradual deployment that nothing can roll back on a metric."""

from lambdakit import App, Function, Linear

checkout = Function(
    id="Checkout",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    alias="live",
    deployment=Linear(percent=10, every_minutes=1, error_alarm=False),
)

app = App(name="lk445", functions=[checkout])
