"""LK435: more environments provisioned than the function may run at once."""

from lambdakit import App, Function

checkout = Function(
    id="Checkout",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    alias="live",
    reserved_concurrency=10,
    provisioned_concurrency=25,
)

app = App(name="lk435", functions=[checkout])
