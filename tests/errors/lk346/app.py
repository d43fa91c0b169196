"""LK346: a stage name with a character API Gateway does not accept."""

from lambdakit import App, Function
from lambdakit.events import ApiEvent, RestApi

api = RestApi(id="OrdersApi", stage_name="v1.0")

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    events=[ApiEvent(api=api, method="GET", path="/orders")],
)

app = App(name="lk346", functions=[worker])
