"""Turn a function's grants into permissions: catalogue entries on exact ARNs, with provenance.

Besides the grants the user declares, a secret or parameter passed as an environment value
implies read access to exactly that secret or parameter.
"""

from __future__ import annotations

import dataclasses
import re

from awacs.aws import Action

from lambdakit.iam.arns import (
    CfnValue,
    arn_of,
    has_arn,
    suffixed,
    table_stream_arn,
)
from lambdakit.iam.catalogue import (
    ANY,
    BUCKET_LISTING,
    CLUSTER_PARAMETER_GROUPS,
    INDEXES,
    INTERFACE_PLACEMENT,
    NETWORK_INTERFACES,
    OBJECTS,
    QUALIFIED,
    SUBNET_GROUPS,
    TABLE_STREAM,
    Access,
    StatementSpec,
    expand,
)
from lambdakit.iam.network import interface_placement
from lambdakit.iam.permissions import Conditions, Permission, iam_operator
from lambdakit.limits.arns import ARN_PARTITION, partition_agnostic
from lambdakit.model import (
    Construct,
    ExistingFunction,
    Function,
    Grant,
    Parameter,
    Resource,
    Secret,
    Statement,
    Table,
)

# `${aws:username}` and other IAM policy variables, but not CloudFormation's `${AWS::Region}`.
POLICY_VARIABLE = re.compile(r"\$\{(?!AWS::)")


def declared_grants(fn: Function) -> list[Grant]:
    """The function's grants plus those its event sources, destinations and environment
    imply, in declaration order."""
    from_events = [dataclasses.replace(grant, implied_by=f"event {source.event_name()}")
                   for source, binding in fn.bindings() for grant in binding.grants]
    from_events += fn.destination_grants()
    implied = [
        Grant(ref.target, "read", None, fn.origin)
        for ref in fn.references()
        if isinstance(ref.target, Secret | Parameter)
    ]
    return [*fn.grants, *from_events, *implied]


def grant_permissions(fn: Function) -> list[Permission]:
    return access_permissions(declared_grants(fn)) + statement_permissions(fn)


def access_permissions(grants: list[Grant]) -> list[Permission]:
    """The catalogue's permissions for `grants`, whoever holds them (a function's role, or a
    service role such as a scheduler's)."""
    permissions: list[Permission] = []
    for grant in grants:
        for level, access in expand(kind_of(grant.resource), grant.access):
            permissions.extend(_permissions(grant, level, access))
    return _widest_conditions(permissions)


def _widest_conditions(permissions: list[Permission]) -> list[Permission]:
    """Permissions merge by Sid, and a condition narrows the whole merged statement: when one
    grant of a Sid has none (`bucket.read()` beside `bucket.read(prefix="in/")`, the same
    actions on the same bucket), the merged statement must not keep the others' condition."""
    unconditioned = {p.sid for p in permissions if not p.conditions}
    return [dataclasses.replace(p, conditions={}) if p.conditions and p.sid in unconditioned
            else p for p in permissions]


def statement_permissions(fn: Function) -> list[Permission]:
    """Raw statements, as written; a '*' resource carries the statement's reason. A statement
    that did not load, or a '*' without a reason, has none (LK001, LK212 report it)."""
    return [
        Permission(
            sid=f"Statement{number}",
            actions=tuple(Action(*action.split(":", 1)) for action in statement.actions),
            resources=tuple(_statement_resource(r) for r in statement.resources),
            purpose=statement.reason,
            origin=statement.origin,
            wildcard_reason=(statement.broad_access or statement.reason
                             if "*" in statement.resources else ""),
            conditions=_statement_conditions(statement.conditions),
            broad_access=statement.broad_access or "",
        )
        for number, statement in enumerate(fn.statements, start=1)
        if buildable(statement)
    ]


def buildable(statement: Statement) -> bool:
    return (not statement.broken and bool(statement.reason or "*" not in statement.resources)
            and all(has_arn(r) for r in statement.resources if not isinstance(r, str)))


def _statement_conditions(written: dict[str, dict[str, str | list[str]]]) -> Conditions:
    """As written, each operator spelled as IAM spells it; two spellings of one operator
    (`ForAnyValueStringLike`, `ForAnyValue:StringLike`) are one operator with all their keys."""
    conditions: Conditions = {}
    for operator, keys in written.items():
        merged = conditions.setdefault(iam_operator(operator), {})
        for key, values in keys.items():
            merged.setdefault(key, []).extend([values] if isinstance(values, str) else values)
    return conditions


def _statement_resource(resource: str | Construct) -> CfnValue:
    """A construct's ARN, or the string as written. In a partition-agnostic `Fn::Sub`, IAM policy
    variables (`${aws:username}`) are escaped (`${!aws:username}`) so they reach IAM intact."""
    if not isinstance(resource, str):
        return arn_of(resource)
    if not ARN_PARTITION.match(resource):
        return resource
    return partition_agnostic(POLICY_VARIABLE.sub("${!", resource))


def kind_of(construct: Construct) -> str:
    return "function" if isinstance(construct, Function) else str(getattr(construct, "kind", ""))


def _permissions(grant: Grant, level: str, access: Access) -> list[Permission]:
    resource = grant.resource
    kind_level = _pascal(kind_of(resource)) + _pascal(level)
    base_sid = kind_level + resource.label()
    purpose = f"{access.summary_for(resource)} on {resource.label()}" + (
        f" under {grant.prefix!r}" if grant.prefix is not None else "") + (
        f", for {grant.implied_by}" if grant.implied_by else "")
    found = [
        Permission(
            # A statement on '*' is the same for every resource of the kind: one Sid, so two
            # stream sources share one dynamodb:ListStreams statement.
            sid=(kind_level if spec.target == ANY else base_sid) + spec.suffix,
            actions=spec.actions,
            resources=_targets(resource, spec, grant.prefix),
            purpose=purpose,
            origin=grant.origin,
            wildcard_reason=spec.wildcard_reason,
            conditions=_conditions(resource, spec, grant.prefix),
        )
        for spec in access.statements
        if _applies(resource, spec)
    ]
    key = getattr(resource, "key", None)
    if access.key_actions and isinstance(key, Resource):
        found.append(Permission(
            sid="UseKey" + key.label(),  # one statement per key, whichever grants need it
            actions=access.key_actions,
            resources=(arn_of(key),),
            purpose=f"use {key.label()}, the key that encrypts {resource.label()}",
            origin=grant.origin,
        ))
    return found


def _applies(resource: Construct, spec: StatementSpec) -> bool:
    """Index statements only for tables that have (or, existing, may have) indexes."""
    if spec.target == INDEXES and isinstance(resource, Table):
        return resource.is_existing or bool(resource.indexes)
    if spec.target == QUALIFIED and isinstance(resource, ExistingFunction):
        # An ARN that already names a version or alias (function:NAME:QUALIFIER) is all there
        # is to invoke: `<arn>:*` would match nothing.
        arn = resource.existing_arn
        return arn is None or arn.count(":") == 6
    return True


# Targets that name every resource of some types in the function's account and Region.
_HERE = "${AWS::Region}:${AWS::AccountId}"
BY_TYPE: dict[str, tuple[str, ...]] = {
    NETWORK_INTERFACES: (f"ec2:{_HERE}:network-interface/*",),
    CLUSTER_PARAMETER_GROUPS: (f"rds:{_HERE}:cluster-pg:*",),
    SUBNET_GROUPS: (f"rds:{_HERE}:subgrp:*",),
}


def _targets(resource: Construct, spec: StatementSpec, prefix: str | None) -> tuple[CfnValue, ...]:
    if spec.target == INTERFACE_PLACEMENT:  # a poller's: in the subnets its source names
        return interface_placement(getattr(resource, "subnet_ids", []),
                                   getattr(resource, "security_group_ids", []))
    if spec.target in BY_TYPE:
        return tuple({"Fn::Sub": "arn:${AWS::Partition}:" + arn} for arn in BY_TYPE[spec.target])
    return (_target(resource, spec, prefix),)


def _target(resource: Construct, spec: StatementSpec, prefix: str | None) -> CfnValue:
    if spec.target == ANY:
        return "*"
    if spec.target == TABLE_STREAM:
        assert isinstance(resource, Table)
        return table_stream_arn(resource)
    arn = arn_of(resource)
    if spec.target == OBJECTS:
        return suffixed(arn, f"/{prefix or ''}*")
    if spec.target == INDEXES:
        return suffixed(arn, "/index/*")
    if spec.target == QUALIFIED:
        return suffixed(arn, ":*")
    return arn  # SELF and BUCKET_LISTING


def _conditions(resource: Construct, spec: StatementSpec, prefix: str | None) -> Conditions:
    conditions: Conditions = {}
    if spec.condition is not None:
        operator, key, values = spec.condition
        conditions[operator] = {key: list(values)}
    if spec.target == BUCKET_LISTING and prefix:
        conditions["StringLike"] = {"s3:prefix": [f"{prefix}*"]}
    owner = getattr(resource, "account", None)
    if spec.target in (OBJECTS, BUCKET_LISTING) and isinstance(owner, str):
        conditions["StringEquals"] = {"s3:ResourceAccount": [owner]}
    return conditions


def _pascal(text: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[_\W]+", text) if part)
