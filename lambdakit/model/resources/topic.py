"""`Topic`: an SNS topic, encrypted."""

from __future__ import annotations

from lambdakit.limits.naming import NAME_RULES
from lambdakit.model.base import Written
from lambdakit.model.grants import Grant
from lambdakit.model.resources.base import Resource
from lambdakit.model.resources.key import Key


class Topic(Resource):
    kind = "topic"
    resource_type = "AWS::SNS::Topic"
    env_max_bytes = 320  # arn:PARTITION:sns:REGION:ACCOUNT:NAME (256)
    service = "sns"
    name_rule = NAME_RULES["topic"]

    fifo: bool = False
    key: Key | None = None

    def written_children(self) -> list[Written]:
        return [Written(self.policy_id, "AWS::SNS::TopicPolicy")]  # TLS only

    @property
    def policy_id(self) -> str:
        return f"{self.id}Policy"

    def publish(self) -> Grant:
        return self.grant("publish")
