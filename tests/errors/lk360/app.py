"""LK360: an S3 event type that does not exist (S3 names it ObjectCreated)."""

from lambdakit import App, Bucket, Function
from lambdakit.events import S3Event

uploads = Bucket(id="Uploads")

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    events=[S3Event(bucket=uploads, events=["s3:ObjectCreate:*"])],
)

app = App(name="lk360", functions=[worker],
          acknowledge={"LK380": "this example is about LK360; see LK380 for failure handling"})
