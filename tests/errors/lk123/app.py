"""LK123: an x86-only runtime on arm64.

Every x86-only runtime is also retired by the tests' day, so LK122 comes along.
"""

from lambdakit import App, Function

worker = Function(
    id="Worker",
    handler="app.Handler::handleRequest",
    code="src/",
    runtime="java8",
    architecture="arm64",
)

app = App(name="lk123", functions=[worker])
