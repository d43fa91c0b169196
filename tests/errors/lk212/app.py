"""LK212: a raw statement whose action is not written service:Action."""

from lambdakit import App, Function, Statement

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    statements=[
        Statement(actions=["AnalyzeDocument"], resources=["*"],
                  reason="Textract's AnalyzeDocument has no resource type"),
    ],
)

app = App(name="lk212", functions=[worker])
