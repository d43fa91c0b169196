"""What a function in a VPC, or with a file system, needs in its role.

VPC (Lambda developer guide, "Giving Lambda functions access to resources in an Amazon VPC";
the same actions as the AWS managed policy AWSLambdaVPCAccessExecutionRole v3, narrowed): Lambda
creates and manages the function's network interfaces with the function's role, so the role may
create one only in the function's own subnets with its own security groups, and delete or
(un)assign addresses only on network interfaces of this account and region. The two Describe
actions have no resource type in the IAM service authorization reference, so they are on `*`.

EFS: mounting takes elasticfilesystem:ClientMount (and ClientWrite to write) on the file
system. The access point's ARN does not name its file system, so the statement allows any file
system of the access point's account and region but only through that access point (condition
elasticfilesystem:AccessPointArn, written with `arn:*:` so it holds in every partition).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import awacs.ec2
import awacs.elasticfilesystem

from lambdakit.iam.permissions import CfnValue, Permission
from lambdakit.limits.arns import ACCESS_POINT_ARN
from lambdakit.model import Function, Imported

EC2_ARN = "arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}"
DESCRIBE_WILDCARD_REASON = (
    "ec2:DescribeNetworkInterfaces and ec2:DescribeSubnets have no resource type in the IAM "
    "service authorization reference, so they can only be granted on '*'; Lambda describes "
    "the function's network interfaces and subnets when it attaches them"
)


def network_permissions(fn: Function) -> list[Permission]:
    found: list[Permission] = []
    vpc = fn.vpc
    if vpc is not None and not vpc.broken:
        interfaces = f"{EC2_ARN}:network-interface/*"
        found += [
            Permission(
                sid="VpcCreateNetworkInterface",
                actions=(awacs.ec2.CreateNetworkInterface,),
                resources=interface_placement(vpc.subnet_ids, vpc.security_group_ids),
                purpose="attach the function to its subnets with its security groups",
                origin=vpc.origin,
            ),
            Permission(
                sid="VpcManageNetworkInterfaces",
                actions=(awacs.ec2.AssignPrivateIpAddresses, awacs.ec2.DeleteNetworkInterface,
                         awacs.ec2.UnassignPrivateIpAddresses),
                resources=({"Fn::Sub": interfaces},),
                purpose="manage and remove the function's network interfaces",
                origin=vpc.origin,
            ),
            Permission(
                sid="VpcDescribeNetwork",
                actions=(awacs.ec2.DescribeNetworkInterfaces, awacs.ec2.DescribeSubnets),
                resources=("*",),
                purpose="find the function's network interfaces and subnets",
                origin=vpc.origin,
                wildcard_reason=DESCRIBE_WILDCARD_REASON,
            ),
        ]
    mount = fn.file_system
    # An invalid ARN is reported by the checks (LK010); it implies nothing.
    if mount is not None and not mount.broken and ACCESS_POINT_ARN.match(mount.access_point_arn):
        parts = mount.access_point_arn.split(":")
        region, account = parts[3], parts[4]
        actions: tuple[Any, ...] = (awacs.elasticfilesystem.ClientMount,) if mount.read_only \
            else (awacs.elasticfilesystem.ClientMount, awacs.elasticfilesystem.ClientWrite)
        found.append(Permission(
            sid="EfsMount",
            actions=actions,
            resources=({"Fn::Sub": f"arn:${{AWS::Partition}}:elasticfilesystem:{region}:"
                                   f"{account}:file-system/*"},),
            purpose=f"mount the file system {'read-only ' if mount.read_only else ''}at "
                    f"{mount.mount_path} through its access point only",
            origin=mount.origin,
            conditions={"ArnLike": {"elasticfilesystem:AccessPointArn": [
                "arn:*:" + mount.access_point_arn.split(":", 2)[2]]}},
        ))
    return found


def interface_placement(subnet_ids: Sequence[str | Imported],
                        security_group_ids: Sequence[str | Imported]) -> tuple[CfnValue, ...]:
    """What ec2:CreateNetworkInterface is authorized on: the new network interface, the subnet
    it goes into and its security groups (the IAM service authorization reference lists all
    three resource types for it). Known subnets and security groups are named exactly; unknown
    ones (an event source whose network is its cluster's) are any of the account's."""
    subnets = [_ec2_arn("subnet", value) for value in subnet_ids] or [
        {"Fn::Sub": f"{EC2_ARN}:subnet/*"}]
    groups = [_ec2_arn("security-group", value) for value in security_group_ids] or [
        {"Fn::Sub": f"{EC2_ARN}:security-group/*"}]
    return ({"Fn::Sub": f"{EC2_ARN}:network-interface/*"}, *groups, *subnets)


def _ec2_arn(kind: str, value: str | Imported) -> CfnValue:
    if isinstance(value, Imported):
        return {"Fn::Sub": [f"{EC2_ARN}:{kind}/${{Id}}",
                            {"Id": {"Fn::ImportValue": value.export_name}}]}
    return {"Fn::Sub": f"{EC2_ARN}:{kind}/{value}"}
