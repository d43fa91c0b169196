"""LK401: a layer built for python3.12 on a python3.13 function."""

from lambdakit import App, Function, Layer

deps = Layer.existing(arn="arn:aws:lambda:us-east-1:123456789012:layer:deps:4",
                      compatible_runtimes=["python3.12"], compatible_architectures=["arm64"])

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    layers=[deps],
)

app = App(name="lk401", functions=[worker])
