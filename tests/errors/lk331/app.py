"""LK331: Lambda reaches self-managed Kafka brokers at host:port."""

from lambdakit import App, Function, Secret
from lambdakit.events import SelfManagedKafkaEvent

login = Secret.existing(arn="arn:aws:secretsmanager:us-east-1:123456789012:secret:kafka-AbCdEf")

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    events=[SelfManagedKafkaEvent(bootstrap_servers=["kafka.example.com"], topic="clicks",
                                  starting_position="LATEST", auth="SASL_SCRAM_512",
                                  auth_secret=login)],
    acknowledge={"LK325": "this example is about LK331; see LK325 for failure handling",
                 "LK115": "the partner offers only a public endpoint"},
)

app = App(name="lk331", functions=[worker])
