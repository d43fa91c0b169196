# EventBridge rules: the default bus with a source/detail-type pattern; a custom bus with a
# nested detail pattern, an input transformer, a retry policy and a dead-letter queue (opened
# to these rules only, by one queue policy); a constant input, disabled; and an existing bus.
# Each invoke permission is scoped to its rule's ARN.
from lambdakit import App, EventBus, Function, Queue
from lambdakit.events import EventBridgeRule

# Events that fail every asynchronous retry are kept here (LK380).
failed_events = Queue(id="FailedEvents")

orders = EventBus(id="Orders")
partner = EventBus.existing(name="partner-bus")
undelivered = Queue(id="Undelivered")

audit = Function(
    id="Audit", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    on_failure=failed_events,
    events=[EventBridgeRule(pattern={"source": ["aws.s3"], "detail-type": ["Object Created"]})],
)
shipping = Function(
    id="Shipping", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    on_failure=failed_events,
    events=[
        EventBridgeRule(bus=orders, name="OrderPlaced",
                        pattern={"source": ["com.example.orders"],
                                 "detail-type": ["OrderPlaced"],
                                 "detail": {"total": [{"numeric": [">", 0]}],
                                            "country": ["DE", "FR"]}},
                        input_paths={"order": "$.detail.orderId"},
                        input_template='{"order": <order>}',
                        retry_attempts=10, max_event_age=3600,
                        dead_letter_queue=undelivered),
        EventBridgeRule(bus=orders, name="Nightly", pattern={"detail-type": ["Reconcile"]},
                        input={"mode": "full"}, enabled=False,
                        dead_letter_queue=undelivered),
    ],
)
partners = Function(
    id="Partners", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    on_failure=failed_events,
    events=[EventBridgeRule(bus=partner, pattern={"source": ["partner.feed"]},
                            input_path="$.detail")],
)

app = App(name="events-eventbridge", functions=[audit, shipping, partners])
