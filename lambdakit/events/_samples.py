"""Fixed stand-ins for what only a deploy knows (account, region, generated names), so a sample
event is the same on every run and every machine."""

from __future__ import annotations

import hashlib

from lambdakit.model import Construct, Resource

SAMPLE_ACCOUNT = "123456789012"
SAMPLE_REGION = "us-east-1"
SAMPLE_STACK = "lambdakit-app"


def sample_name(resource: Resource) -> str:
    """The resource's physical name: given, existing, or as CloudFormation would generate it."""
    if resource.name:
        return resource.name
    if resource.existing_name:
        return resource.existing_name
    if resource.existing_arn:
        return resource.existing_arn.split(":", 5)[-1].rsplit("/", 1)[-1]
    suffix = sample_id(resource.id, 12).upper()
    return f"{SAMPLE_STACK}-{resource.id}-{suffix}"


def sample_arn(service: str, resource: str, *, region: str = SAMPLE_REGION,
               account: str = SAMPLE_ACCOUNT) -> str:
    return f"arn:aws:{service}:{region}:{account}:{resource}"


def sample_id(seed: str, length: int = 32) -> str:
    """A stable hex string derived from `seed`: ids that look random but never change."""
    return hashlib.sha256(seed.encode()).hexdigest()[:length]


def sample_uuid(seed: str) -> str:
    digest = sample_id(seed, 32)
    return f"{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:]}"


def describe(construct: Construct) -> str:
    return f"{type(construct).__name__} {construct.label()}"

