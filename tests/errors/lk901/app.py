"""LK901: a valid app; the test corrupts its template so cfn-lint reports an error."""

from lambdakit import App, Function

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
)

app = App(name="lk901", functions=[worker])
