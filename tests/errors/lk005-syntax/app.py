"""LK005: the app file is not valid Python (a parenthesis left open)."""

from lambdakit import App, Function

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",


app = App(name="lk005-syntax", functions=[worker])
