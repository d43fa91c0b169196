"""LK111: an environment variable name Lambda reserves for itself."""

from lambdakit import App, Function

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    environment={"AWS_REGION": "eu-west-1"},
)

app = App(name="lk111", functions=[worker])
