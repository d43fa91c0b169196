# Resources this app does not manage, referenced by ARN and by name, each granted every access
# level its kind has and passed as an environment value. Existing resources emit nothing: only
# the roles and the environment refer to them. ARNs are written partition-agnostic.
from lambdakit import (
    App,
    Bucket,
    EventBus,
    Function,
    Key,
    Parameter,
    Queue,
    Secret,
    StateMachine,
    Stream,
    Table,
    Topic,
)

ACCOUNT = "arn:aws:{service}:eu-west-1:123456789012:{resource}"


def arn(service: str, resource: str) -> str:
    return ACCOUNT.format(service=service, resource=resource)


shared_key = Key.existing(arn=arn("kms", "key/1234abcd-12ab-34cd-56ef-1234567890ab"),
                          id="SharedKey")
queue_by_arn = Queue.existing(arn=arn("sqs", "orders-inbox"), key=shared_key)
queue_by_name = Queue.existing(name="orders-outbox")
topic_by_arn = Topic.existing(arn=arn("sns", "order-events"), key=shared_key)
topic_by_name = Topic.existing(name="order-alerts")
bucket_by_arn = Bucket.existing(arn="arn:aws:s3:::orders-landing-example", key=shared_key)
bucket_by_name = Bucket.existing(name="orders-reports-example")
table_by_arn = Table.existing(arn=arn("dynamodb", "table/customers"), key=shared_key)
table_by_name = Table.existing(name="invoices")
stream_by_arn = Stream.existing(arn=arn("kinesis", "stream/clicks"), key=shared_key)
stream_by_name = Stream.existing(name="payments")
bus_by_arn = EventBus.existing(arn=arn("events", "event-bus/partners"))
bus_by_name = EventBus.existing(name="orders")
secret_by_arn = Secret.existing(arn=arn("secretsmanager", "secret:payments/api-key-AbCdEf"),
                                key=shared_key)
secret_by_name = Secret.existing(name="payments/webhook-secret")
parameter_by_arn = Parameter.existing(arn=arn("ssm", "parameter/orders/limits"))
parameter_by_name = Parameter.existing(name="/orders/endpoint")
function_by_arn = Function.existing(arn=arn("lambda", "function:fraud-check"))
function_alias = Function.existing(arn=arn("lambda", "function:pricing:live"))
function_by_name = Function.existing(name="tax-calculator")
express_flow = StateMachine.existing(arn=arn("states", "stateMachine:quote"), express=True)
standard_flow = StateMachine.existing(name="fulfilment")

worker = Function(
    id="Worker", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    environment={
        "INBOX_URL": queue_by_arn, "OUTBOX_URL": queue_by_name,
        "EVENTS_TOPIC_ARN": topic_by_arn, "ALERTS_TOPIC_ARN": topic_by_name,
        "LANDING_BUCKET": bucket_by_arn, "REPORTS_BUCKET": bucket_by_name,
        "CUSTOMERS_TABLE": table_by_arn, "INVOICES_TABLE": table_by_name,
        "CLICKS_STREAM": stream_by_arn, "PAYMENTS_STREAM": stream_by_name,
        "PARTNERS_BUS": bus_by_arn, "ORDERS_BUS": bus_by_name,
        "API_KEY_SECRET_ARN": secret_by_arn, "WEBHOOK_SECRET_ID": secret_by_name,
        "LIMITS_PARAMETER": parameter_by_arn, "ENDPOINT_PARAMETER": parameter_by_name,
        "SHARED_KEY_ARN": shared_key,
        "FRAUD_CHECK_ARN": function_by_arn, "TAX_CALCULATOR_ARN": function_by_name,
        "QUOTE_FLOW_ARN": express_flow, "FULFILMENT_FLOW_ARN": standard_flow,
    },
    grants=[
        queue_by_arn.send(), queue_by_arn.consume(), queue_by_name.send(), queue_by_name.consume(),
        topic_by_arn.publish(), topic_by_name.publish(),
        bucket_by_arn.read(), bucket_by_arn.write(), bucket_by_arn.delete(),
        bucket_by_name.read(prefix="daily/"), bucket_by_name.write(prefix="daily/"),
        bucket_by_name.delete(prefix="daily/tmp/"),
        table_by_arn.read(), table_by_arn.write(), table_by_arn.read_stream(),
        table_by_name.read_write(), table_by_name.read_stream(),
        stream_by_arn.read(), stream_by_arn.write(), stream_by_name.read(), stream_by_name.write(),
        bus_by_arn.put(), bus_by_name.put(),
        secret_by_arn.read(), secret_by_name.read(),
        parameter_by_arn.read(), parameter_by_name.read(),
        shared_key.encrypt(), shared_key.decrypt(),
        function_by_arn.invoke(), function_by_name.invoke(), function_alias.invoke(),
        express_flow.start(), standard_flow.start(),
    ],
)

app = App(name="resources-existing", functions=[worker])
