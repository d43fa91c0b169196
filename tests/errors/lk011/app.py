"""LK011: 101 functions, two outputs each: more than CloudFormation's 200 outputs."""

from lambdakit import App, Function

workers = [
    Function(id=f"Worker{n}", handler="app.handler", code="src/", runtime="python3.13")
    for n in range(101)
]

app = App(name="lk011", functions=workers)
