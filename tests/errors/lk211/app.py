"""LK211: a raw IAM statement, not yet acknowledged."""

from lambdakit import App, Function, Statement

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    statements=[
        Statement(actions=["textract:AnalyzeDocument"], resources=["*"],
                  reason="Textract's AnalyzeDocument has no resource type"),
    ],
)

app = App(name="lk211", functions=[worker])
