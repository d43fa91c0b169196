"""`Key`: a customer-managed KMS key, rotation on."""

from __future__ import annotations

from lambdakit.limits.naming import NAME_RULES
from lambdakit.model.base import Written
from lambdakit.model.grants import Grant
from lambdakit.model.resources.base import Resource


class Key(Resource):
    """A symmetric KMS key. Resources encrypted with it extend their grants to it."""

    kind = "key"
    resource_type = "AWS::KMS::Key"
    env_max_bytes = 112  # arn:PARTITION:kms:REGION:ACCOUNT:key/UUID
    service = "kms"
    stateful = True
    name_rule = NAME_RULES["key"]
    by_arn_only = ("IAM grants key use on the key's ARN, never on an alias: "
                   "Key.existing(arn='arn:aws:kms:REGION:ACCOUNT:key/KEY-ID')")

    description: str | None = None
    # A scheduled deletion can be cancelled for this many days (7–30).
    pending_window_days: int = 30

    def written_children(self) -> list[Written]:
        return [Written(self.alias_id, "AWS::KMS::Alias")] if self.name else []

    @property
    def alias_id(self) -> str:
        return f"{self.id}Alias"

    def encrypt(self) -> Grant:
        return self.grant("encrypt")

    def decrypt(self) -> Grant:
        return self.grant("decrypt")
