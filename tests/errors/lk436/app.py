"""LK436: auto scaling bounds written the wrong way round."""

from lambdakit import App, Function, ProvisionedConcurrency

checkout = Function(
    id="Checkout",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    alias="live",
    provisioned_concurrency=ProvisionedConcurrency(minimum=20, maximum=2),
)

app = App(name="lk436", functions=[checkout])
