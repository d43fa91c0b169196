"""LK412: a function in a VPC that sends to a queue, with nothing said about how it gets out."""

from lambdakit import App, Function, Queue, Vpc

outbox = Queue(id="Outbox")

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    vpc=Vpc(subnet_ids=["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"],
            security_group_ids=["sg-0123456789abcdef0"]),
    grants=[outbox.send()],
)

app = App(name="lk412", functions=[worker])
