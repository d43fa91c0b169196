# Provisioned concurrency: five environments kept initialized on the alias `live` (warmed before
# the alias moves to each new version), within the function's reserved concurrency of 20.
from lambdakit import App, Function

checkout = Function(
    id="Checkout", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    alias="live", provisioned_concurrency=5, reserved_concurrency=20,
)

app = App(name="surroundings-provisioned", functions=[checkout])
