# Every default: arm64, 256 MB, 10 s, active tracing, JSON logs to an explicit 30-day log group.
from lambdakit import App, Function

app = App(
    name="defaults",
    functions=[Function(id="Api", handler="svc.handler.handle", code="../_code",
                        runtime="python3.13")],
)
