"""LK410: a subnet given by its name instead of its id."""

from lambdakit import App, Function, Vpc

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    vpc=Vpc(subnet_ids=["private-a", "subnet-0f1e2d3c4b5a69788"],
            security_group_ids=["sg-0123456789abcdef0"]),
)

app = App(name="lk410", functions=[worker])
