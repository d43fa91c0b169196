"""LK007: more resources than one CloudFormation stack may hold (100 functions × 3 + 201)."""

from lambdakit import App, Function, Parameter

workers = [
    Function(id=f"Worker{n}", handler="app.handler", code="src/", runtime="python3.13")
    for n in range(100)
]
settings = [Parameter(id=f"Setting{n}", value="on") for n in range(201)]

app = App(name="lk007", functions=workers, resources=settings)
