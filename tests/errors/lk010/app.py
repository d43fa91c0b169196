"""LK010: a KMS key given by alias name instead of ARN."""

from lambdakit import App, Function

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    kms_key_arn="alias/orders",
)

app = App(name="lk010", functions=[worker])
