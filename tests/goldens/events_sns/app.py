# SNS event sources: an owned topic with defaults; an attribute filter policy; a body filter
# policy on a second function; and an existing topic in another Region (the subscription is
# made there). Each invoke permission is scoped to its topic's ARN.
from lambdakit import App, Function, Topic
from lambdakit.events import SnsEvent

orders = Topic(id="Orders")
partner = Topic.existing(arn="arn:aws:sns:eu-west-1:111122223333:partner-events")

notifier = Function(
    id="Notifier", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    events=[SnsEvent(topic=orders)],
)
refunds = Function(
    id="Refunds", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    events=[SnsEvent(topic=orders, name="RefundRequested",
                     filter_policy={"kind": ["refund"], "amount": [{"numeric": [">", 0]}]})],
)
partners = Function(
    id="Partners", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    events=[SnsEvent(topic=partner, filter_policy_scope="MessageBody",
                     filter_policy={"order": {"status": ["shipped", "delivered"]}})],
)

app = App(name="events-sns", functions=[notifier, refunds, partners])
