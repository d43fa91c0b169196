"""LK420: a container-image function that also names a handler and a runtime."""

from lambdakit import App, Function

worker = Function(
    id="Worker",
    image_uri="123456789012.dkr.ecr.us-east-1.amazonaws.com/worker@sha256:"
              "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
    handler="app.handler",
    runtime="python3.13",
)

app = App(name="lk420", functions=[worker])
