"""`Secret` (Secrets Manager) and `Parameter` (SSM Parameter Store): configuration a function
reads at run time. As an environment value they pass their ARN or name and grant read."""

from __future__ import annotations

from typing import Literal

from lambdakit.limits.naming import NAME_RULES
from lambdakit.model.grants import Grant
from lambdakit.model.refs import Ref
from lambdakit.model.resources.base import Resource
from lambdakit.model.resources.key import Key


class Secret(Resource):
    """A secret whose value Secrets Manager generates; nobody types it into the app."""

    kind = "secret"
    resource_type = "AWS::SecretsManager::Secret"
    env_max_bytes = 600  # arn:PARTITION:secretsmanager:REGION:ACCOUNT:secret:NAME-XXXXXX
    service = "secretsmanager"
    stateful = True
    name_rule = NAME_RULES["secret"]

    description: str | None = None
    length: int = 32
    key: Key | None = None

    def read(self) -> Grant:
        return self.grant("read")

    def reference(self) -> Ref:
        if self.existing_name is not None:
            # Its full ARN is unknown (Secrets Manager appends six random characters), so the
            # environment gets the name, which SDK calls take as the SecretId just as well.
            return Ref(self, "Arn", len(self.existing_name.encode()))
        return super().reference()


class Parameter(Resource):
    """A plain (String or StringList) parameter; CloudFormation cannot create SecureStrings."""

    kind = "parameter"
    resource_type = "AWS::SSM::Parameter"
    env_attribute = "Name"
    # SSM counts the whole ARN against a parameter name's limit of 1,011 characters.
    env_max_bytes = NAME_RULES["parameter"].max_chars
    service = "ssm"
    name_rule = NAME_RULES["parameter"]

    value: str | None = None
    type: Literal["String", "StringList"] = "String"
    description: str | None = None

    def read(self) -> Grant:
        return self.grant("read")
