"""LK301: an S3 event on a bucket the app does not own."""

from lambdakit import App, Bucket, Function
from lambdakit.events import S3Event

partner = Bucket.existing(name="partner-drop")

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    events=[S3Event(bucket=partner)],
)

app = App(name="lk301", functions=[worker],
          acknowledge={"LK380": "this example is about LK301; see LK380 for failure handling"})
