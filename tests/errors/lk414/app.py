"""LK414: a VPC function in one subnet, so in one Availability Zone."""

from lambdakit import App, Function, Vpc

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    vpc=Vpc(subnet_ids=["subnet-0a1b2c3d4e5f60718"], security_group_ids=["sg-0123456789abcdef0"]),
)

app = App(name="lk414", functions=[worker])
