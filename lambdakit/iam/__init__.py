"""Least-privilege IAM as data: permissions with provenance, merged into awacs documents."""

from lambdakit.iam.arns import arn_of, literal_arn
from lambdakit.iam.execution import execution_permissions, trust_policy
from lambdakit.iam.grants import declared_grants, grant_permissions
from lambdakit.iam.permissions import (
    WILDCARD,
    Permission,
    policy_document,
    wildcard_reasons,
)
from lambdakit.limits.arns import partition_agnostic
from lambdakit.model import Function

__all__ = [
    "WILDCARD",
    "Permission",
    "arn_of",
    "declared_grants",
    "execution_permissions",
    "function_permissions",
    "grant_permissions",
    "literal_arn",
    "partition_agnostic",
    "policy_document",
    "trust_policy",
    "wildcard_reasons",
]


def function_permissions(fn: Function) -> list[Permission]:
    """Everything the function's role allows: running (logs, traces) plus its grants."""
    return [*execution_permissions(fn), *grant_permissions(fn)]
