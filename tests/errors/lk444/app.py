"""LK444: the same rollback alarm named twice."""

from lambdakit import App, Canary, Function

checkout = Function(
    id="Checkout",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    alias="live",
    deployment=Canary(percent=10, minutes=5, alarms=["checkout-5xx", "checkout-5xx"]),
)

app = App(name="lk444", functions=[checkout])
