"""LK406: a layer declared for a runtime Lambda does not know."""

from lambdakit import App, Function, Layer

deps = Layer(id="Deps", code="layers/deps", compatible_runtimes=["python3.13", "python3"])

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    layers=[deps],
)

app = App(name="lk406", functions=[worker])
