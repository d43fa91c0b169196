"""`Bucket`: an S3 bucket with public access blocked, TLS only, versioned and encrypted."""

from __future__ import annotations

from lambdakit.limits.naming import NAME_RULES
from lambdakit.model.base import Written
from lambdakit.model.grants import Grant
from lambdakit.model.resources.base import Resource
from lambdakit.model.resources.key import Key


class Bucket(Resource):
    kind = "bucket"
    resource_type = "AWS::S3::Bucket"
    env_attribute = "Name"
    env_max_bytes = NAME_RULES["bucket"].max_chars
    service = "s3"
    stateful = True
    name_rule = NAME_RULES["bucket"]

    versioned: bool = True
    # A reason to keep no object versions (turns versioning off; versioned=False needs it).
    without_versioning: str | None = None
    key: Key | None = None
    # The account that owns an existing bucket, when known: every grant on it then holds only
    # while the bucket of that name is that account's (`s3:ResourceAccount`), so a bucket
    # deleted and re-created under its name by another account is granted nothing.
    account: str | None = None

    @property
    def is_versioned(self) -> bool:
        return self.versioned and not self.without_versioning

    def written_children(self) -> list[Written]:
        return [Written(self.policy_id, "AWS::S3::BucketPolicy")]  # TLS only

    @property
    def policy_id(self) -> str:
        return f"{self.id}Policy"

    def read(self, prefix: str | None = None) -> Grant:
        return self.grant("read", prefix)

    def write(self, prefix: str | None = None) -> Grant:
        return self.grant("write", prefix)

    def delete(self, prefix: str | None = None) -> Grant:
        return self.grant("delete", prefix)
