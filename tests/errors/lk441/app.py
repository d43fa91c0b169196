"""LK441: a linear shift of 1 % every hour: 99 hours from the first shift to the last."""

from lambdakit import App, Function, Linear

checkout = Function(
    id="Checkout",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    alias="live",
    deployment=Linear(percent=1, every_minutes=60),
)

app = App(name="lk441", functions=[checkout])
