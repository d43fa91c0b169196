"""LK365: a filter policy with more combinations of values than SNS accepts (6 x 6 x 5)."""

from lambdakit import App, Function, Topic
from lambdakit.events import SnsEvent

orders = Topic(id="Orders")

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    events=[SnsEvent(topic=orders, filter_policy={
        "region": ["eu", "us", "ap", "sa", "af", "me"],
        "tier": ["free", "basic", "pro", "team", "business", "enterprise"],
        "kind": ["order", "refund", "return", "exchange", "credit"],
    })],
)

app = App(name="lk365", functions=[worker],
          acknowledge={"LK380": "this example is about LK365; see LK380 for failure handling"})
