"""LK411: subnets without a security group."""

from lambdakit import App, Function, Vpc

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    vpc=Vpc(subnet_ids=["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]),
)

app = App(name="lk411", functions=[worker])
