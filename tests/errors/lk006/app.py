"""LK006: the file builds functions but no App."""

from lambdakit import Function

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
)
