"""LK438: a target utilization written as a percentage."""

from lambdakit import App, Function, ProvisionedConcurrency

checkout = Function(
    id="Checkout",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    alias="live",
    provisioned_concurrency=ProvisionedConcurrency(minimum=2, maximum=20, target_utilization=70),
)

app = App(name="lk438", functions=[checkout])
