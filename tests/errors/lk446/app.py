"""LK446: a reference to the new version of a function that publishes none."""

from lambdakit import App, Function

checkout = Function(id="Checkout", handler="app.handler", code="src/", runtime="python3.13")
smoke_test = Function(
    id="SmokeTest",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    environment={"CHECKOUT_VERSION": checkout.version},
    grants=[checkout.invoke()],
)

app = App(name="lk446", functions=[checkout, smoke_test])
