"""LK340: a public route (auth="none") without a reason."""

from lambdakit import App, Function
from lambdakit.events import ApiEvent, RestApi

api = RestApi(id="ShopApi")

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    events=[ApiEvent(api=api, method="GET", path="/prices", auth="none")],
)

app = App(name="lk340", functions=[worker])
