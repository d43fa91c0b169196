# Provisioned concurrency: five environments kept initialized on the alias `live` (warmed before
# the alias moves to each new version), within the function's reserved concurrency of 20; and a
# function whose provisioned concurrency Application Auto Scaling moves between 2 and 30 to keep
# 70 percent of it busy, scaling in no sooner than 5 minutes after the last scale-in.
from lambdakit import App, Function, ProvisionedConcurrency

checkout = Function(
    id="Checkout", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    alias="live", provisioned_concurrency=5, reserved_concurrency=20,
)
search = Function(
    id="Search", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    alias="live-v2", provisioned_concurrency=ProvisionedConcurrency(
        minimum=2, maximum=30, target_utilization=0.7, scale_in_cooldown=300),
)

app = App(name="surroundings-provisioned", functions=[checkout, search],
          tags={"team": "storefront"})
