"""LK434: provisioned concurrency, but no published version to keep warm."""

from lambdakit import App, Function

checkout = Function(
    id="Checkout",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    provisioned_concurrency=5,
)

app = App(name="lk434", functions=[checkout])
