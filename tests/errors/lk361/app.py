"""LK361: the function writes thumbnails into the bucket whose uploads trigger it."""

from lambdakit import App, Bucket, Function
from lambdakit.events import S3Event

photos = Bucket(id="Photos")

thumbnailer = Function(
    id="Thumbnailer",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    grants=[photos.read(), photos.write(prefix="thumbnails/")],
    events=[S3Event(bucket=photos, suffix=".png")],
)

app = App(name="lk361", functions=[thumbnailer],
          acknowledge={"LK380": "this example is about LK361; see LK380 for failure handling"})
