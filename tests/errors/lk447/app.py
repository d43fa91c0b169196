"""LK447: deployments that notify a FIFO topic, which refuses CodeDeploy's messages."""

from lambdakit import App, Canary, Function, Topic

releases = Topic(id="Releases", fifo=True)

checkout = Function(
    id="Checkout",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    alias="live",
    deployment=Canary(percent=10, minutes=5, notify=releases),
)

app = App(name="lk447", functions=[checkout])
