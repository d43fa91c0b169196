"""LK416: an EFS mount path outside /mnt."""

from lambdakit import App, EfsMount, Function, Vpc

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    vpc=Vpc(subnet_ids=["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"],
            security_group_ids=["sg-0123456789abcdef0"]),
    file_system=EfsMount(
        access_point_arn="arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/"
                         "fsap-0123456789abcdef0",
        mount_path="/data",
    ),
)

app = App(name="lk416", functions=[worker])
