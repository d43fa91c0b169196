"""LK214: a raw statement granting object reads on every bucket of the account."""

from lambdakit import App, Function, Statement

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    statements=[
        Statement(actions=["s3:GetObject"], resources=["*"],
                  reason="reads the partner's exports"),
    ],
)

app = App(name="lk214", functions=[worker])
