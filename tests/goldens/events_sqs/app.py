# SQS event sources: defaults on a standard queue (partial batch responses on, batch 10), every
# option on a second (large batches with a batching window, maximum concurrency, filters, a
# named event), a FIFO queue with a customer key, an existing queue, and a disabled mapping.
# Each implies consume on its own queue only (and decrypt with the FIFO queue's key).
from lambdakit import App, Function, Key, Queue
from lambdakit.events import SqsEvent

key = Key(id="OrdersKey", description="Encrypts the orders FIFO queue")
inbox = Queue(id="Inbox", visibility_timeout=60)
bulk = Queue(id="Bulk", visibility_timeout=400)
orders = Queue(id="Orders", name="orders.fifo", fifo=True, visibility_timeout=60, key=key)
partner = Queue.existing(arn="arn:aws:sqs:eu-west-1:111122223333:partner-feed")
paused = Queue(id="Paused", visibility_timeout=60)

worker = Function(
    id="Worker", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    events=[SqsEvent(queue=inbox)],
)
bulk_loader = Function(
    id="BulkLoader", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    timeout=60,
    events=[SqsEvent(queue=bulk, name="BulkRows", batch_size=500, batching_window=20,
                     maximum_concurrency=5, report_batch_item_failures=False,
                     filters=[{"body": {"kind": ["row"]}},
                              {"attributes": {"MessageGroupId": [{"prefix": "rows-"}]}}])],
)
ordered = Function(
    id="OrderProcessor", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    events=[SqsEvent(queue=orders, batch_size=5), SqsEvent(queue=partner),
            SqsEvent(queue=paused, enabled=False)],
)

app = App(name="events-sqs", functions=[worker, bulk_loader, ordered])
