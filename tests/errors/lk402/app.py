"""LK402: an x86_64 layer on an arm64 function (lambdakit's default architecture)."""

from lambdakit import App, Function, Layer

imaging = Layer.existing(arn="arn:aws:lambda:us-east-1:123456789012:layer:imaging:2",
                         compatible_architectures=["x86_64"])

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    layers=[imaging],
)

app = App(name="lk402", functions=[worker])
