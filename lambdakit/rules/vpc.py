"""A function's network and file system: VPC ids and pairing, AWS calls from a VPC, EFS."""

from __future__ import annotations

import re

from lambdakit.limits import quotas as q
from lambdakit.limits.arns import ACCESS_POINT_ARN
from lambdakit.model import Function, Imported, Parameter, Secret, Vpc
from lambdakit.model.vpc import MOUNT_PATH, SECURITY_GROUP_ID, SUBNET_ID
from lambdakit.rules.context import RuleContext
from lambdakit.rules.structure import check_acknowledgements

# (field, what its ids are, id pattern, example, most Lambda takes, advice when over)
ID_RULES: tuple[tuple[str, str, re.Pattern[str], str, q.Quota, str], ...] = (
    ("subnet_ids", "subnet", SUBNET_ID, "subnet-0123456789abcdef0", q.VPC_SUBNETS_MAX,
     "one or two subnets per Availability Zone are enough"),
    ("security_group_ids", "security group", SECURITY_GROUP_ID, "sg-0123456789abcdef0",
     q.VPC_SECURITY_GROUPS_MAX, "merge the rules into fewer security groups"),
)


def check_network(ctx: RuleContext, functions: list[Function]) -> None:
    checked: set[int] = set()
    for fn in functions:
        vpc = fn.vpc
        if vpc is not None and not vpc.broken:
            if id(vpc) not in checked:  # a Vpc shared by functions is reported once
                checked.add(id(vpc))
                _check_vpc(ctx, vpc)
            _check_calls_from_vpc(ctx, fn, vpc)
        _check_file_system(ctx, fn)


def _check_vpc(ctx: RuleContext, vpc: Vpc) -> None:
    check_acknowledgements(ctx, vpc, vpc.acknowledge)
    for field, kind, pattern, example, most, advice in ID_RULES:
        values: list[str | Imported] = getattr(vpc, field)
        bad = [v for v in values if isinstance(v, str) and not pattern.match(v)]
        if bad:
            verdict = f"is not a {kind} id" if len(bad) == 1 else f"are not {kind} ids"
            ctx.report("LK410", vpc, f"{field}: {', '.join(map(repr, bad))} {verdict}",
                       f"ids look like {example!r}; another stack's export is "
                       "Imported('export-name')")
        literal = [v for v in values if isinstance(v, str)]
        repeated = sorted({v for v in literal if literal.count(v) > 1})
        if repeated:
            ctx.report("LK410", vpc, f"{field}: {', '.join(map(repr, repeated))} listed twice",
                       "list each id once")
        if len(values) > most.value:
            ctx.report("LK413", vpc, f"{field}: {len(values)} ids, Lambda takes at most "
                                     f"{most.value}", f"{advice}; limits: {most.source}")
    if not vpc.subnet_ids or not vpc.security_group_ids:
        missing = "subnet_ids" if not vpc.subnet_ids else "security_group_ids"
        ctx.report("LK411", vpc, f"a VPC needs subnets and security groups: {missing} is empty",
                   "Lambda attaches a function to at least one subnet with at least one "
                   "security group; for a function outside any VPC, leave vpc unset")
    elif len(vpc.subnet_ids) == 1:
        ctx.report("LK414", vpc, "one subnet is one Availability Zone: the function stops "
                                 "when that zone is impaired",
                   "list subnets in at least two Availability Zones, as Lambda recommends "
                   "(lambdakit cannot see a subnet's zone; check it), or acknowledge LK414 on "
                   f"the Vpc with the reason; see {q.LAMBDA_VPC}")


def _check_calls_from_vpc(ctx: RuleContext, fn: Function, vpc: Vpc) -> None:
    """The function's own SDK calls leave through the VPC: without a NAT gateway or VPC
    endpoints they time out. (Event source pollers, destinations, logs and traces are Lambda's
    calls, not the function's: they do not use its VPC.)"""
    services = sorted(api_services(fn))
    if not services:
        return
    ctx.report("LK412", fn, f"runs in a VPC and calls {', '.join(services)}: "
                            "without VPC endpoints for them or a NAT gateway, those calls time "
                            "out", "add interface or gateway endpoints (or a route to a NAT "
                                   "gateway) to the subnets, then acknowledge LK412 saying "
                                   f"which; see {q.LAMBDA_VPC_INTERNET}", owner=fn)


# IAM actions that authorize something other than a call to the service's API endpoint, so
# they need no route to it: the SDK signs an RDS IAM authentication token locally and the
# function connects to the database (RDS_IAM_AUTH); EFS authorizes the NFS mount Lambda makes
# (q.LAMBDA_EFS); MSK checks kafka-cluster actions on the Kafka connection to its brokers
# (MSK_IAM_ACCESS). Lower case: IAM compares action names case-insensitively.
NOT_API_CALLS = ("rds-db:", "elasticfilesystem:client", "kafka-cluster:")
RDS_IAM_AUTH = ("https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/"
                "UsingWithRDS.IAMDBAuth.Connecting.html")
MSK_IAM_ACCESS = "https://docs.aws.amazon.com/msk/latest/developerguide/iam-access-control.html"


def api_services(fn: Function) -> set[str]:
    """The services whose APIs the function's code calls: those of its grants (a grant on a
    function of the app is an invoke, Lambda's API), of the secrets and parameters its
    environment names (it reads them at run time: `iam.grants.declared_grants` grants that),
    and of its raw statements' actions that are API calls."""
    granted = {getattr(grant.resource, "service", "lambda") for grant in fn.grants}
    read = {ref.target.service for ref in fn.references()
            if isinstance(ref.target, Secret | Parameter)}
    stated = {action.split(":", 1)[0] for statement in fn.statements
              for action in statement.actions
              if ":" in action and not action.lower().startswith(NOT_API_CALLS)}
    return granted | read | stated


def _check_file_system(ctx: RuleContext, fn: Function) -> None:
    mount = fn.file_system
    if mount is None or mount.broken:
        return
    if fn.vpc is None:
        ctx.report("LK415", mount, f"{fn.id} mounts an EFS access point but has no vpc",
                   "Lambda reaches the file system's mount targets inside their VPC: set "
                   "vpc=Vpc(subnet_ids=[...], security_group_ids=[...]) with subnets that have "
                   "mount targets and a security group allowed on NFS (port 2049)", owner=fn)
    path = mount.mount_path
    most = q.EFS_MOUNT_PATH_MAX_CHARS.value
    if not MOUNT_PATH.match(path) or len(path) > most:
        ctx.report("LK416", mount, f"mount_path {path!r} is not a path Lambda mounts at",
                   f"one directory under /mnt/ of letters, digits, '-', '_' or '.', at most "
                   f"{most} characters, e.g. mount_path='/mnt/data'", owner=fn)
    if not ACCESS_POINT_ARN.match(mount.access_point_arn):
        ctx.report("LK010", mount, f"access_point_arn {mount.access_point_arn!r} is not an EFS "
                                   "access point ARN",
                   "arn:aws:elasticfilesystem:REGION:ACCOUNT:access-point/fsap-... (Lambda "
                   "mounts through an access point, not a file system)", owner=fn)
