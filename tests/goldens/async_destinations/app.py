# Asynchronous invocation: every destination kind, owned and existing, with retries and event
# age. Each destination implies the role's access to deliver to it (send, publish, put, invoke,
# put records into a bucket); a function that is a destination is invoked asynchronously itself,
# so it has an on-failure destination too. Nothing else in the app invokes these functions
# asynchronously: each one says who does (LK384).
from lambdakit import App, Bucket, EventBus, Function, Queue, Topic

OUTSIDE = {"LK384": "invoked asynchronously by the orders service (InvocationType=Event)"}
COMMON: dict = {"handler": "svc.handler.handle", "code": "../_code", "runtime": "python3.13"}

failures = Queue(id="Failures", retention=1_209_600)
audit = Topic(id="Audit")
bus = EventBus(id="Orders")
records = Bucket(id="FailedRecords")
partner_bus = EventBus.existing(arn="arn:aws:events:us-east-1:111122223333:event-bus/partner")
partner_queue = Queue.existing(arn="arn:aws:sqs:us-east-1:111122223333:partner-failures")
partner_topic = Topic.existing(arn="arn:aws:sns:us-east-1:111122223333:partner-audit")
ledger = Function.existing(arn="arn:aws:lambda:us-east-1:111122223333:function:ledger")
archive = Bucket.existing(name="partner-failed-records")

# Invoked as the success destination of Checkout; its own failures go to the queue.
notify = Function(id="Notify", on_failure=failures, **COMMON)
checkout = Function(id="Checkout", on_success=notify, on_failure=failures, max_retry_attempts=1,
                    max_event_age=3600, acknowledge=OUTSIDE, **COMMON)
publisher = Function(id="Publisher", on_success=audit, on_failure=records, max_retry_attempts=0,
                     acknowledge=OUTSIDE, **COMMON)
router = Function(id="Router", on_success=bus, on_failure=partner_bus, max_event_age=60,
                  acknowledge=OUTSIDE, **COMMON)
relay = Function(id="Relay", on_success=partner_topic, on_failure=partner_queue,
                 max_event_age=21_600, max_retry_attempts=2, acknowledge=OUTSIDE, **COMMON)
settle = Function(id="Settle", on_success=ledger, on_failure=archive, acknowledge=OUTSIDE,
                  **COMMON)
# Retries and age without destinations (failed events are dropped: acknowledged).
tidy = Function(id="Tidy", max_retry_attempts=0, max_event_age=300,
                acknowledge={**OUTSIDE, "LK380": "cache warm-up; the next run repeats it"},
                **COMMON)

app = App(name="async-destinations",
          functions=[checkout, notify, publisher, router, relay, settle, tidy])
