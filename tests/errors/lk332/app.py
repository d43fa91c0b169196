"""LK332: the poller needs the credentials secret's full ARN."""

from lambdakit import App, Function, Secret
from lambdakit.events import DocumentDbEvent

login = Secret.existing(name="docdb/login")

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    events=[DocumentDbEvent(cluster_arn="arn:aws:rds:us-east-1:123456789012:cluster:catalog",
                            database="shop", credentials=login, starting_position="LATEST")],
)

app = App(name="lk332", functions=[worker])
