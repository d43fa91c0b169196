"""LK367: a constant input and an input path on one target, and too many retries."""

from lambdakit import App, Function
from lambdakit.events import EventBridgeRule

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    events=[EventBridgeRule(pattern={"source": ["com.example.orders"]},
                            input={"mode": "full"}, input_path="$.detail",
                            retry_attempts=200)],
)

app = App(name="lk367", functions=[worker],
          acknowledge={"LK380": "this example is about LK367; see LK380 for failure handling"})
