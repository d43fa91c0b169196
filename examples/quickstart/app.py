"""Quickstart: one order worker and the function it hands receipts to."""

from lambdakit import App, Function, Logging

receipts = Function(
    id="ReceiptWriter",
    handler="orders.receipts.handle",
    code="src/",
    runtime="python3.13",
    memory=256,
    timeout=15,
    description="Writes a receipt for a processed order",
)

worker = Function(
    id="OrderWorker",
    handler="orders.worker.handle",
    code="src/",
    runtime="python3.13",
    memory=512,
    timeout=30,
    reserved_concurrency=50,
    environment={"RECEIPT_FUNCTION": receipts.name, "POWERTOOLS_SERVICE_NAME": "orders"},
    logging=Logging(application_level="INFO", retention_days=90),
)

app = App(name="orders", functions=[worker], tags={"team": "payments"})
