"""LK413: six security groups; Lambda takes at most five."""

from lambdakit import App, Function, Vpc

groups = [f"sg-0123456789abcdef{n}" for n in range(6)]

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    vpc=Vpc(subnet_ids=["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"],
            security_group_ids=groups),
)

app = App(name="lk413", functions=[worker])
