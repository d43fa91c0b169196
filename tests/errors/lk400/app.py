"""LK400: six layers on one function; Lambda takes at most five."""

from lambdakit import App, Function, Layer

layers = [Layer.existing(arn=f"arn:aws:lambda:us-east-1:123456789012:layer:tool{n}:1",
                         compatible_architectures=["arm64"])
          for n in range(1, 7)]

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    layers=layers,
)

app = App(name="lk400", functions=[worker])
