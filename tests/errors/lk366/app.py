"""LK366: an event pattern with a misspelled envelope field and a bare value."""

from lambdakit import App, Function
from lambdakit.events import EventBridgeRule

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    events=[EventBridgeRule(pattern={"source": "com.example.orders",
                                     "detail_type": ["OrderPlaced"]})],
)

app = App(name="lk366", functions=[worker],
          acknowledge={"LK380": "this example is about LK366; see LK380 for failure handling"})
