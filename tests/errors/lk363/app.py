"""LK363: two notifications of one bucket that can match the same key."""

from lambdakit import App, Bucket, Function
from lambdakit.events import S3Event

uploads = Bucket(id="Uploads")

images = Function(
    id="Images",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    events=[S3Event(bucket=uploads, prefix="images/")],
)
pngs = Function(
    id="Pngs",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    events=[S3Event(bucket=uploads, suffix=".png")],
)

app = App(name="lk363", functions=[images, pngs],
          acknowledge={"LK380": "this example is about LK363; see LK380 for failure handling"})
