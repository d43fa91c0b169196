"""LK005: the app file raises while it is loaded (a misspelt name)."""

from lambdakit import App, Function

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
)

app = App(name="lk005", functions=[wroker])  # noqa: F821 (the misspelling is the error)
