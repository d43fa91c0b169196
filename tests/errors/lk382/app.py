"""LK382: destinations Lambda cannot deliver records to."""

from lambdakit import App, Bucket, Function, Queue, Table

ordered = Queue(id="Ordered", fifo=True)
archive = Bucket(id="Archive")
ledger = Table(id="Ledger", partition_key="pk")

ingest = Function(
    id="Ingest",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    on_success=archive,
    on_failure=ordered,
    acknowledge={"LK384": "invoked asynchronously by the upload service"},
)
record = Function(
    id="Record",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    on_failure=ledger,
)

app = App(name="lk382", functions=[ingest, record])
