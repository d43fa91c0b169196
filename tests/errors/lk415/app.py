"""LK415: an EFS access point mounted by a function outside any VPC."""

from lambdakit import App, EfsMount, Function

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    file_system=EfsMount(
        access_point_arn="arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/"
                         "fsap-0123456789abcdef0",
        mount_path="/mnt/data",
    ),
)

app = App(name="lk415", functions=[worker])
