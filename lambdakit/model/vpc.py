"""`Vpc` and `EfsMount`: the network a function runs in, and the file system it mounts.

Subnets and security groups are managed elsewhere (another stack, the network team): the app
names them by id, literally (`"subnet-0abc..."`) or as another stack's export
(`Imported("network-PrivateSubnetA")`). A VPC function's role gets the network-interface
permissions Lambda needs to attach it (`lambdakit.iam.network`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lambdakit.model.base import Construct
from lambdakit.model.instance import Instance

# Lambda's FileSystemConfig (API reference), patterns as AWS writes them (LocalMountPath's class
# `[a-zA-Z0-9-_.]` spelled unambiguously); the access point's ARN is `limits.arns`'.
MOUNT_PATH = re.compile(r"^/mnt/[a-zA-Z0-9_.-]+$")
# AWS's id formats: 8 or 17 hexadecimal characters after the prefix.
SUBNET_ID = re.compile(r"^subnet-([0-9a-f]{8}|[0-9a-f]{17})$")
SECURITY_GROUP_ID = re.compile(r"^sg-([0-9a-f]{8}|[0-9a-f]{17})$")


@dataclass(frozen=True)
class Imported:
    """A value another stack exports (`Fn::ImportValue`), e.g. a subnet id."""

    export_name: str


VpcId = str | Instance[Imported]


class Vpc(Construct):
    """`Vpc(subnet_ids=[...], security_group_ids=[...])`: at least one of each, all in one VPC.

    Lambda recommends subnets in at least two Availability Zones; which zone a subnet is in is
    not known at synth, so only a single subnet is reported (LK414)."""

    kind = "vpc"

    subnet_ids: list[VpcId] = []
    security_group_ids: list[VpcId] = []
    # Outbound IPv6 from dual-stack subnets.
    ipv6_allowed_for_dual_stack: bool = False
    # {"LK414": "why one subnet is enough"}: silences that warning about this VPC, with a reason.
    acknowledge: dict[str, str] = {}


class EfsMount(Construct):
    """An EFS access point mounted at `mount_path` (`/mnt/...`). Needs the function in a VPC
    that reaches the file system's mount targets (NFS, port 2049)."""

    kind = "efs_mount"

    access_point_arn: str
    mount_path: str
    # Mount without elasticfilesystem:ClientWrite.
    read_only: bool = False
