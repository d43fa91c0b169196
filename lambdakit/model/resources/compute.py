"""Compute this app does not own: functions and state machines referenced by ARN or name."""

from __future__ import annotations

from lambdakit.limits.naming import NAME_RULES
from lambdakit.model.grants import Grant
from lambdakit.model.resources.base import Resource


class ExistingFunction(Resource):
    """A Lambda function managed elsewhere (`Function.existing(arn=...)`)."""

    kind = "function"
    display_name = "Function"
    env_max_bytes = 140
    service = "lambda"
    name_rule = NAME_RULES["function"]

    def invoke(self) -> Grant:
        return self.grant("invoke")


class StateMachine(Resource):
    """A Step Functions state machine managed elsewhere (`StateMachine.existing(arn=...)`)."""

    kind = "state_machine"
    env_max_bytes = 180
    service = "states"
    name_rule = NAME_RULES["state_machine"]

    express: bool = False

    def start(self) -> Grant:
        """Start executions; express workflows may also be started synchronously."""
        return self.grant("start_sync" if self.express else "start")
