# SNS event sources: an owned topic with defaults; an attribute filter policy; a body filter
# policy on a second function; and an existing topic in another Region (the subscription is
# made there). Each invoke permission is scoped to its topic's ARN. Buffered through queues:
# a queue lambdakit creates (with a filter policy), a FIFO topic through a FIFO queue it
# creates, and a queue of the app's own; each queue's policy lets in its topic only, and the
# function consumes it like an SqsEvent.
from lambdakit import App, Function, Queue, Topic
from lambdakit.events import SnsEvent

# Events that fail every asynchronous retry are kept here (LK380).
failed_events = Queue(id="FailedEvents")

orders = Topic(id="Orders")
partner = Topic.existing(arn="arn:aws:sns:eu-west-1:111122223333:partner-events")

notifier = Function(
    id="Notifier", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    on_failure=failed_events,
    events=[SnsEvent(topic=orders)],
)
refunds = Function(
    id="Refunds", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    on_failure=failed_events,
    events=[SnsEvent(topic=orders, name="RefundRequested",
                     filter_policy={"kind": ["refund"], "amount": [{"numeric": [">", 0]}]})],
)
partners = Function(
    id="Partners", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    on_failure=failed_events,
    events=[SnsEvent(topic=partner, filter_policy_scope="MessageBody",
                     filter_policy={"order": {"status": ["shipped", "delivered"]}})],
)

ledger = Topic(id="Ledger", name="ledger.fifo", fifo=True)
backlog = Queue(id="Backlog", visibility_timeout=120)

invoicing = Function(
    id="Invoicing", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    timeout=20,
    events=[SnsEvent(topic=orders, name="Invoices", sqs_buffer=True,
                     filter_policy={"kind": ["order"]}),
            SnsEvent(topic=ledger, sqs_buffer=True)],
)
archive = Function(
    id="Archive", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    events=[SnsEvent(topic=orders, sqs_buffer=backlog)],
)

app = App(name="events-sns", functions=[notifier, refunds, partners, invoicing, archive])
