"""LK007: more resources than one CloudFormation stack may hold (167 functions × 3)."""

from lambdakit import App, Function

workers = [
    Function(id=f"Worker{n}", handler="app.handler", code="src/", runtime="python3.13")
    for n in range(167)
]

app = App(name="lk007", functions=workers)
