# VPC and EFS: a function in two literal subnets with one security group that reads a table
# (its DynamoDB calls leave through the VPC: LK412 acknowledged with the endpoint that carries
# them); a function in subnets and a security group exported by another stack, with outbound
# IPv6, mounting an EFS access point read-write; a third shares the first's VPC and mounts the
# same access point read-only. Each role may create network interfaces only in its own subnets
# with its own security groups; only the two Describe actions are on '*', with their reason;
# EFS access is through the access point only.
from lambdakit import App, EfsMount, Function, Imported, Table, Vpc

ACCESS_POINT = ("arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/"
                "fsap-0123456789abcdef0")

private = Vpc(subnet_ids=["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"],
              security_group_ids=["sg-0123456789abcdef0"])
shared_network = Vpc(subnet_ids=[Imported("network-PrivateSubnetA"),
                                 Imported("network-PrivateSubnetB")],
                     security_group_ids=[Imported("network-LambdaSecurityGroup")],
                     ipv6_allowed_for_dual_stack=True)
orders = Table(id="Orders", partition_key="pk")

reader = Function(
    id="Reader", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    vpc=private, grants=[orders.read()],
    acknowledge={"LK412": "the private subnets' route table has a DynamoDB gateway endpoint"},
)
indexer = Function(
    id="Indexer", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    vpc=shared_network,
    file_system=EfsMount(access_point_arn=ACCESS_POINT, mount_path="/mnt/index"),
)
auditor = Function(
    id="Auditor", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    vpc=private,
    file_system=EfsMount(access_point_arn=ACCESS_POINT, mount_path="/mnt/index", read_only=True),
)

app = App(name="surroundings-vpc", functions=[reader, indexer, auditor])
