"""LK330: Lambda reads at most 10,000 messages of an Amazon MQ queue per batch."""

from lambdakit import App, Function, Secret
from lambdakit.events import MqEvent

login = Secret.existing(arn="arn:aws:secretsmanager:us-east-1:123456789012:secret:mq-AbCdEf")

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    events=[MqEvent(broker_arn="arn:aws:mq:us-east-1:123456789012:broker:jobs:b-1234abcd",
                    engine="ActiveMQ", queue="jobs", credentials=login, batch_size=50000)],
)

app = App(name="lk330", functions=[worker])
