"""LK408: Powertools' x86_64 build of its Python layer on an arm64 function: the layer's name
says which architecture AWS built it for."""

from lambdakit import App, Function, Layer

powertools = Layer.existing(
    arn="arn:aws:lambda:eu-west-1:017000801446:layer:AWSLambdaPowertoolsPythonV3-python313-x86_64:27")

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    layers=[powertools],
)

app = App(name="lk408", functions=[worker])
