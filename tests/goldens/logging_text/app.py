# Plain-text logs (levels apply to JSON only) with a short retention.
from lambdakit import App, Function, Logging

app = App(
    name="text-logs",
    functions=[Function(id="Legacy", handler="svc.handler.handle", code="../_code",
                        runtime="python3.13", logging=Logging(format="Text", retention_days=7))],
)
