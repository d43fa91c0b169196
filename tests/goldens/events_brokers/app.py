# Kafka, Amazon MQ and DocumentDB sources. MSK: SASL/SCRAM with a secret encrypted by a customer
# key, a consumer group, filters, a batching window and an SQS on-failure destination; a second
# MSK mapping with mutual TLS, AT_TIMESTAMP, disabled. Self-managed Kafka: in a VPC (subnets and
# security groups), SASL/SCRAM-256 and a private root CA, an SNS destination; and one reached
# over the internet with SASL/PLAIN. Amazon MQ: an ActiveMQ queue and a RabbitMQ queue on a
# virtual host. DocumentDB: one collection with full documents, and a whole database.
# Each implies a look-up of that cluster or broker only, read on its secrets only, and the
# poller's network interfaces when it runs in a VPC.
import datetime as dt

from lambdakit import App, Function, Key, Queue, Secret, Topic
from lambdakit.events import DocumentDbEvent, MqEvent, MskEvent, SelfManagedKafkaEvent

MSK = "arn:aws:kafka:us-east-1:123456789012:cluster/orders/0f5c2c6e-1a2b-4c3d-8e9f-0123456789ab-1"
key = Key.existing(arn="arn:aws:kms:us-east-1:123456789012:key/"
                       "1234abcd-12ab-34cd-56ef-1234567890ab")
scram = Secret.existing(arn="arn:aws:secretsmanager:us-east-1:123456789012:secret:"
                            "AmazonMSK_orders-AbCdEf", key=key)
client_cert = Secret.existing(arn="arn:aws:secretsmanager:us-east-1:123456789012:secret:"
                                  "orders-client-cert-GhIjKl")
kafka_login = Secret.existing(arn="arn:aws:secretsmanager:us-east-1:123456789012:secret:"
                                  "kafka-login-MnOpQr")
root_ca = Secret.existing(arn="arn:aws:secretsmanager:us-east-1:123456789012:secret:"
                              "kafka-root-ca-StUvWx")
mq_login = Secret.existing(arn="arn:aws:secretsmanager:us-east-1:123456789012:secret:"
                               "mq-login-YzAbCd")
docdb_login = Secret.existing(arn="arn:aws:secretsmanager:us-east-1:123456789012:secret:"
                                  "docdb-login-EfGhIj")
failed = Queue(id="FailedOrders")
alerts = Topic(id="KafkaAlerts")

orders = Function(
    id="OrderConsumer", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    events=[
        MskEvent(cluster_arn=MSK, topic="orders.created", starting_position="TRIM_HORIZON",
                 consumer_group_id="order-consumer", auth="SASL_SCRAM_512", auth_secret=scram,
                 batch_size=500, batching_window=10, filters=[{"value": {"kind": ["order"]}}],
                 on_failure=failed),
        MskEvent(cluster_arn=MSK, topic="orders.audit", starting_position="AT_TIMESTAMP",
                 starting_timestamp=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
                 auth="CLIENT_CERTIFICATE_TLS", auth_secret=client_cert, enabled=False,
                 on_failure=failed),
    ],
)
clicks = Function(
    id="ClickConsumer", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    events=[
        SelfManagedKafkaEvent(
            bootstrap_servers=["kafka-1.internal.example.com:9096",
                               "kafka-2.internal.example.com:9096"],
            topic="clicks", starting_position="LATEST", auth="SASL_SCRAM_256",
            auth_secret=kafka_login, root_ca_secret=root_ca,
            subnets=["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"],
            security_groups=["sg-0123456789abcdef0"], on_failure=alerts),
        SelfManagedKafkaEvent(bootstrap_servers=["broker.partner.example.com:9092"],
                              topic="partner-feed", starting_position="LATEST",
                              auth="SASL_PLAIN", auth_secret=kafka_login, on_failure=alerts),
    ],
    acknowledge={"LK115": "the partner offers only a public endpoint, with TLS and SASL"},
)
jobs = Function(
    id="JobRunner", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    events=[
        MqEvent(broker_arn="arn:aws:mq:us-east-1:123456789012:broker:jobs:"
                           "b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9",
                engine="ActiveMQ", queue="jobs", credentials=mq_login, batch_size=10),
        MqEvent(broker_arn="arn:aws:mq:us-east-1:123456789012:broker:events:"
                           "b-9876a5b6-78cd-901e-2fgh-3i45j6k178l9",
                engine="RabbitMQ", queue="events", virtual_host="/production",
                credentials=mq_login, batching_window=1),
    ],
)
catalog = Function(
    id="CatalogSync", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    events=[
        DocumentDbEvent(cluster_arn="arn:aws:rds:us-east-1:123456789012:cluster:catalog",
                        database="shop", collection="products", credentials=docdb_login,
                        full_document="UpdateLookup", starting_position="LATEST"),
        DocumentDbEvent(cluster_arn="arn:aws:rds:us-east-1:123456789012:cluster:catalog",
                        database="inventory", credentials=docdb_login,
                        starting_position="TRIM_HORIZON", batch_size=50),
    ],
)

app = App(name="events-brokers", functions=[orders, clicks, jobs, catalog])
