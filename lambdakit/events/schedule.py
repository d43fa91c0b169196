"""Schedules: EventBridge Scheduler invokes the function, asynchronously, on a rate, a cron
expression or once at a time."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from lambdakit.events._delivery import delivery_properties
from lambdakit.model import Binding, EventSource, Queue
from lambdakit.model.base import Written
from lambdakit.model.instance import Instance

if TYPE_CHECKING:
    from lambdakit.model import Construct, Function


DEFAULT_SCHEDULE_GROUP = "default"  # Scheduler's group for schedules that name none


class ScheduleEvent(EventSource):
    """Invocations on `expression`: `rate(5 minutes)`, `cron(0 8 ? * MON-FRI *)` (minutes hours
    day-of-month month day-of-week year) or `at(2026-12-31T23:00:00)`, read in `timezone`.
    The function receives `input` (a JSON object, `{}` unless given). `flexible_window` lets
    Scheduler spread invocations over that many minutes. Deliveries Scheduler cannot make after
    `retry_attempts` or `max_event_age` go to `dead_letter_queue`.

    Scheduler invokes with a role lambdakit writes for this schedule alone: trusted by
    scheduler.amazonaws.com for this account's default schedule group only, allowed to invoke
    this function and to send to the dead-letter queue, nothing else. CloudFormation names the
    schedule, so the same app deploys to several stacks of one account and Region."""

    sam_type = "ScheduleV2"
    invocation = "async"

    expression: str
    timezone: str = "UTC"
    input: dict[str, Any] = {}
    flexible_window: int | None = None
    retry_attempts: int | None = None
    max_event_age: int | None = None
    dead_letter_queue: Instance[Queue] | None = None
    description: str | None = None
    enabled: bool = True

    def default_name(self) -> str:
        return "OnSchedule"

    def referenced_constructs(self) -> list[Construct]:
        return [self.dead_letter_queue] if self.dead_letter_queue is not None else []

    def schedule_id(self, fn: Function) -> str:
        """The logical id SAM gives the schedule (the function's id and the event's name)."""
        return f"{fn.id}{self.event_name()}"

    def role_id(self, fn: Function) -> str:
        return f"{self.schedule_id(fn)}Role"

    def derived_ids(self, fn: Function) -> list[str | None]:
        return [self.schedule_id(fn)]

    def written_resources(self, fn: Function) -> list[Written]:
        return [Written(self.role_id(fn), "AWS::IAM::Role")]  # the scheduler's own role

    def bind(self, fn: Function) -> Binding:
        properties: dict[str, Any] = {
            "ScheduleExpression": self.expression,
            "ScheduleExpressionTimezone": self.timezone,
            "Input": self.input_text(),
            # The role compile writes for this schedule (`lambdakit.compile.events.schedule`).
            "RoleArn": {"Fn::GetAtt": [self.role_id(fn), "Arn"]},
            "FlexibleTimeWindow": ({"Mode": "FLEXIBLE",
                                    "MaximumWindowInMinutes": self.flexible_window}
                                   if self.flexible_window is not None else {"Mode": "OFF"}),
            "State": "ENABLED" if self.enabled else "DISABLED",
            # CloudFormation names the schedule: SAM's name (the logical id) would collide in
            # the one default group with the same app's schedule of another stack or stage.
            "OmitName": True,
        }
        properties.update(delivery_properties(self.retry_attempts, self.max_event_age,
                                              self.dead_letter_queue))
        if self.description is not None:
            properties["Description"] = self.description
        return Binding(properties)

    def input_text(self) -> str:
        return json.dumps(self.input, sort_keys=True, separators=(",", ":"))

    def sample_event(self, fn: Function) -> dict[str, Any]:
        # Scheduler passes the target's Input as the event, unchanged; lambdakit always sets it.
        parsed: dict[str, Any] = json.loads(self.input_text())
        return parsed
