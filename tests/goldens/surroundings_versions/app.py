# Versions and aliases: every deploy publishes a version (for any change, not only new code) and
# points the alias at it; the SQS event invokes the alias `live`, not $LATEST. A second function
# starts its published versions from a SnapStart snapshot, behind the alias `prod`.
from lambdakit import App, Function, Queue
from lambdakit.events import SqsEvent

inbox = Queue(id="Inbox")

worker = Function(
    id="Worker", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    alias="live", events=[SqsEvent(queue=inbox)],
)
quick = Function(
    id="QuickStart", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    alias="prod", snap_start=True,
)

app = App(name="surroundings-versions", functions=[worker, quick])
