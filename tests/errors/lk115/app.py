"""LK115: a function polls a Kafka broker that Lambda reaches over the internet."""

from lambdakit import App, Function, Queue, Secret
from lambdakit.events import SelfManagedKafkaEvent

login = Secret.existing(
    arn="arn:aws:secretsmanager:us-east-1:123456789012:secret:partner-kafka-login-AbCdEf")
feed = SelfManagedKafkaEvent(bootstrap_servers=["broker.partner.example.com:9092"],
                             topic="partner-feed", starting_position="LATEST",
                             auth="SASL_SCRAM_512", auth_secret=login,
                             on_failure=Queue(id="LostRecords"))
worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    events=[feed],
)

app = App(name="lk115", functions=[worker])
