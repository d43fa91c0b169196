"""LK114: a Secrets Manager secret resolved into the function's configuration."""

from lambdakit import App, Function

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    environment={"DB_PASSWORD": "{{resolve:secretsmanager:prod/db:SecretString:password}}"},
)

app = App(name="lk114", functions=[worker])
