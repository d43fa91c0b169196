"""LK407: a published layer by ARN, its architectures not stated, on an arm64 function (lambdakit's
default): if it is built for x86_64 only, the first invoke fails to load it."""

from lambdakit import App, Function, Layer

imaging = Layer.existing(arn="arn:aws:lambda:us-east-1:175033217214:layer:graphicsmagick:2")

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    layers=[imaging],
)

app = App(name="lk407", functions=[worker])
