"""LK437: provisioned concurrency that the account's shared budget cannot hold."""

from lambdakit import App, Function, ProvisionedConcurrency

checkout = Function(
    id="Checkout",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    alias="live",
    provisioned_concurrency=ProvisionedConcurrency(minimum=10, maximum=1000),
)

app = App(name="lk437", functions=[checkout])
