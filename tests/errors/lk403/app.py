"""LK403: a layer whose content directory does not exist."""

from lambdakit import App, Function, Layer

deps = Layer(id="Deps", code="layers/deps")

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    layers=[deps],
)

app = App(name="lk403", functions=[worker])
