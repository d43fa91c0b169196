"""LK341: the function may run longer than API Gateway waits for it."""

from lambdakit import App, Function
from lambdakit.events import ApiEvent, RestApi

api = RestApi(id="ReportsApi")

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    timeout=120,
    events=[ApiEvent(api=api, method="POST", path="/reports")],
)

app = App(name="lk341", functions=[worker])
