"""Least-privilege IAM as data: permissions with provenance, merged into awacs documents."""

from lambdakit.iam.execution import execution_permissions, trust_policy
from lambdakit.iam.permissions import (
    WILDCARD,
    Permission,
    policy_document,
    wildcard_reasons,
)

__all__ = [
    "WILDCARD",
    "Permission",
    "execution_permissions",
    "policy_document",
    "trust_policy",
    "wildcard_reasons",
]
