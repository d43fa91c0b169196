# A deprecated runtime, acknowledged with a reason: the warning is not shown.
from lambdakit import App, Function

app = App(
    name="acknowledged",
    functions=[Function(id="OldWorker", handler="svc.handler.handle", code="../_code",
                        runtime="python3.10",
                        acknowledge={"LK121": "migration to python3.13 is ticket OPS-7"})],
)
