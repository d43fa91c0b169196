"""Gradual deployments: how CodeDeploy shifts a function's alias from one version to the next.

`Function(alias="live", deployment=Canary(percent=10, minutes=5))`. Each deploy publishes a
version; CodeDeploy moves the alias to it in steps, runs the pre- and post-traffic hooks (hook
functions say which deployment they check: `lambdakit.events.PreTrafficHook`), and rolls back
when a rollback alarm fires. By default that alarm is the function's own: any error of the new
version, in any minute of the shift.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from lambdakit.model.base import Construct
from lambdakit.model.instance import Instance
from lambdakit.model.resources.topic import Topic

# CodeDeploy's predefined Lambda configurations (`CodeDeployDefault.Lambda<name>`), which SAM
# accepts by name: https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html
PREDEFINED_CANARIES = {(10, 5), (10, 10), (10, 15), (10, 30)}      # (percent, minutes)
PREDEFINED_LINEARS = {(10, 1), (10, 2), (10, 3), (10, 10)}         # (percent, every minutes)
# The deployment-level events a CodeDeploy trigger can report for AWS Lambda (instance events,
# and DeploymentReady of blue/green instance deployments, do not apply to Lambda).
DeploymentEvent = Literal["DeploymentStart", "DeploymentSuccess", "DeploymentFailure",
                          "DeploymentStop", "DeploymentRollback"]
DEPLOYMENT_EVENTS: tuple[DeploymentEvent, ...] = (
    "DeploymentStart", "DeploymentSuccess", "DeploymentFailure", "DeploymentStop",
    "DeploymentRollback")


class TrafficShift(Construct):
    """What every gradual deployment shares: its rollback alarms."""

    kind: ClassVar[str] = "deployment"
    # CodeDeploy's traffic routing type: TimeBasedCanary, TimeBasedLinear or AllAtOnce.
    routing: ClassVar[str] = ""

    # lambdakit creates an alarm on the new version's errors (any error in a minute fires it)
    # and rolls back on it; `False` leaves rollback to `alarms` and the hooks alone.
    error_alarm: bool = True
    # Names of further CloudWatch alarms (managed elsewhere) that roll the deployment back.
    alarms: list[str] = []
    # An SNS topic CodeDeploy tells of this function's deployments (a trigger of its deployment
    # group), and the events it tells of: by default every one that applies to Lambda.
    notify: Instance[Topic] | None = None
    notify_on: list[DeploymentEvent] = list(DEPLOYMENT_EVENTS)

    def config_name(self) -> str:
        """The `Type` SAM passes to CodeDeploy: a predefined configuration's name, or the id of
        the custom configuration lambdakit writes for this shape."""
        raise NotImplementedError

    def is_predefined(self) -> bool:
        raise NotImplementedError

    def steps(self) -> str:
        """How the traffic moves, in words, for diagnostics and docs."""
        raise NotImplementedError


class Canary(TrafficShift):
    """`percent` of the traffic to the new version, the rest `minutes` later."""

    routing: ClassVar[str] = "TimeBasedCanary"

    percent: int
    minutes: int

    def config_name(self) -> str:
        return f"Canary{self.percent}Percent{self.minutes}Minutes"

    def is_predefined(self) -> bool:
        return (self.percent, self.minutes) in PREDEFINED_CANARIES

    def steps(self) -> str:
        return f"{self.percent} % of the traffic, the rest {self.minutes} minutes later"


class Linear(TrafficShift):
    """`percent` more of the traffic every `every_minutes` minutes, until all of it."""

    routing: ClassVar[str] = "TimeBasedLinear"

    percent: int
    every_minutes: int

    def config_name(self) -> str:
        unit = "Minute" if self.every_minutes == 1 else "Minutes"
        return f"Linear{self.percent}PercentEvery{self.every_minutes}{unit}"

    def is_predefined(self) -> bool:
        return (self.percent, self.every_minutes) in PREDEFINED_LINEARS

    def increments(self) -> int:
        """How many shifts move all the traffic (the last one may be smaller)."""
        return -(-100 // self.percent) if self.percent > 0 else 0

    def steps(self) -> str:
        return f"{self.percent} % more of the traffic every {self.every_minutes} minutes"


class AllAtOnce(TrafficShift):
    """All the traffic at once, after the pre-traffic hook; the alarms and the post-traffic hook
    can still roll it back."""

    routing: ClassVar[str] = "AllAtOnce"

    def config_name(self) -> str:
        return "AllAtOnce"

    def is_predefined(self) -> bool:
        return True

    def steps(self) -> str:
        return "all of the traffic at once"
