"""LK439: a scheduled capacity change written as a five-field Unix cron."""

from lambdakit import App, Function, ProvisionedConcurrency, ScheduledCapacity

checkout = Function(
    id="Checkout",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    alias="live",
    provisioned_concurrency=ProvisionedConcurrency(
        minimum=2,
        maximum=20,
        schedules=[
            ScheduledCapacity(name="business-hours", schedule="cron(0 8 * * 1-5)", minimum=10),
        ],
    ),
)

app = App(name="lk439", functions=[checkout])
