"""Quickstart: an order worker that records orders, files receipts and hands off to a writer."""

from lambdakit import App, Bucket, Function, Logging, Table

orders = Table(id="Orders", partition_key="pk", sort_key="sk")  # PITR, encrypted, retained
receipts_bucket = Bucket(id="Receipts")  # public access blocked, TLS only, versioned

receipts = Function(
    id="ReceiptWriter",
    handler="orders.receipts.handle",
    code="src/",
    runtime="python3.13",
    memory=256,
    timeout=15,
    description="Writes a receipt for a processed order",
    environment={"RECEIPTS_BUCKET": receipts_bucket},
    grants=[receipts_bucket.write(prefix="receipts/")],
    # OrderWorker may invoke it; it does so synchronously, so a failure reaches OrderWorker.
    acknowledge={"LK380": "OrderWorker invokes it synchronously and retries a failed receipt"},
)

worker = Function(
    id="OrderWorker",
    handler="orders.worker.handle",
    code="src/",
    runtime="python3.13",
    memory=512,
    timeout=30,
    reserved_concurrency=50,
    environment={"ORDERS_TABLE": orders, "RECEIPT_FUNCTION": receipts.name,
                 "POWERTOOLS_SERVICE_NAME": "orders"},
    grants=[orders.read_write(), receipts.invoke()],
    logging=Logging(application_level="INFO", retention_days=90),
)

app = App(name="orders", functions=[worker], tags={"team": "payments"})
