"""LK362: the function's environment names the bucket that triggers it."""

from lambdakit import App, Bucket, Function
from lambdakit.events import S3Event

uploads = Bucket(id="Uploads")

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    environment={"UPLOADS_BUCKET": uploads},
    grants=[uploads.read()],
    events=[S3Event(bucket=uploads)],
)

app = App(name="lk362", functions=[worker],
          acknowledge={"LK380": "this example is about LK362; see LK380 for failure handling"})
