"""LK140: reserved concurrency that leaves the account too little."""

from lambdakit import App, Function

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    reserved_concurrency=950,
)

app = App(name="lk140", functions=[worker])
