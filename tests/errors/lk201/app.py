"""LK201: an existing queue given both an ARN and a name."""

from lambdakit import App, Function, Queue

inbox = Queue.existing(arn="arn:aws:sqs:eu-west-1:123456789012:orders-inbox",
                       name="orders-inbox")

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    grants=[inbox.send()],
)

app = App(name="lk201", functions=[worker])
