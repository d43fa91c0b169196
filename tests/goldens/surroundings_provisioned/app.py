# Provisioned concurrency: five environments kept initialized on the alias `live` (warmed before
# the alias moves to each new version), within the function's reserved concurrency of 20; a
# function whose provisioned concurrency Application Auto Scaling moves between 2 and 30 to keep
# 70 percent of it busy at each minute's peak, scaling in no sooner than 5 minutes after the
# last scale-in, with a larger range in Berlin's business hours and on a launch day; and a
# function whose scaling only adds environments, brought back to one each night in December.
import datetime as dt

from lambdakit import App, Function, ProvisionedConcurrency, ScheduledCapacity

checkout = Function(
    id="Checkout", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    alias="live", provisioned_concurrency=5, reserved_concurrency=20,
)
search = Function(
    id="Search", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    alias="live-v2", provisioned_concurrency=ProvisionedConcurrency(
        minimum=2, maximum=30, target_utilization=0.7, scale_in_cooldown=300,
        statistic="Maximum",
        schedules=[
            ScheduledCapacity(name="business-hours", schedule="cron(0 8 ? * MON-FRI *)",
                              minimum=10, maximum=60, timezone="Europe/Berlin"),
            ScheduledCapacity(name="evenings", schedule="cron(0 19 ? * MON-FRI *)",
                              minimum=2, maximum=30, timezone="Europe/Berlin"),
            ScheduledCapacity(name="launch-day", schedule="at(2026-12-10T06:00:00)",
                              minimum=40, maximum=100, timezone="Europe/Berlin"),
        ]),
)
nightly = Function(
    id="Reports", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    alias="live", provisioned_concurrency=ProvisionedConcurrency(
        minimum=1, maximum=10, disable_scale_in=True,
        schedules=[
            ScheduledCapacity(name="overnight", schedule="cron(0 2 * * ? *)", maximum=1,
                              start=dt.datetime(2026, 12, 1, tzinfo=dt.UTC),
                              end=dt.datetime(2027, 1, 1, 1, 0, tzinfo=dt.timezone(
                                  dt.timedelta(hours=1)))),
        ]),
)

app = App(name="surroundings-provisioned", functions=[checkout, search, nightly],
          tags={"team": "storefront"})
