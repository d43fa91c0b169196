"""One CloudFormation stack: its status, its events as they happen, its outputs."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from lambdakit.deploy.aws import Console, DeployError, Poll, error_code

SUCCEEDED = frozenset({"CREATE_COMPLETE", "UPDATE_COMPLETE", "DELETE_COMPLETE",
                       "IMPORT_COMPLETE"})
# A stack that change sets have created but never executed: it holds no resources.
REVIEW = "REVIEW_IN_PROGRESS"
# A stack whose creation failed: it holds nothing and cannot be updated, only deleted.
FAILED_CREATION = "ROLLBACK_COMPLETE"
STACK_TYPE = "AWS::CloudFormation::Stack"


def is_busy(status: str) -> bool:
    return status.endswith("_IN_PROGRESS") and status != REVIEW


def describe(cloudformation: Any, stack: str) -> dict[str, Any] | None:
    """The stack's description, or None when no such stack exists (deleted ones included,
    unless `stack` is the deleted stack's id)."""
    try:
        found = cloudformation.describe_stacks(StackName=stack)["Stacks"]
    except Exception as exc:
        if error_code(exc) == "ValidationError" and "does not exist" in str(exc):
            return None
        raise
    return dict(found[0]) if found else None


def status_of(cloudformation: Any, stack: str) -> str | None:
    found = describe(cloudformation, stack)
    return None if found is None else str(found["StackStatus"])


def outputs_of(cloudformation: Any, stack: str) -> dict[str, str]:
    found = describe(cloudformation, stack) or {}
    return {o["OutputKey"]: str(o.get("OutputValue", ""))
            for o in found.get("Outputs") or []}


def event_ids(cloudformation: Any, stack: str) -> set[str]:
    """The ids of the newest events: a watch started now reports only what follows them."""
    page = cloudformation.describe_stack_events(StackName=stack)
    return {event["EventId"] for event in page.get("StackEvents", [])}


@dataclass
class Watch:
    """Follows a stack's events until its status settles, printing each as it comes."""

    cloudformation: Any
    stack: str  # the stack id: it still answers once the stack is deleted
    console: Console
    poll: Poll
    expected: int = 0  # resources the operation will touch, for the progress count
    seen: set[str] = field(default_factory=set)
    failures: list[dict[str, Any]] = field(default_factory=list)
    done: set[str] = field(default_factory=set)

    def until_settled(self) -> str:
        """The final status, once it no longer ends in _IN_PROGRESS."""
        deadline = time.monotonic() + self.poll.timeout_s
        while True:
            self._report_new_events()
            status = status_of(self.cloudformation, self.stack) or "DELETE_COMPLETE"
            if not is_busy(status):
                self._report_new_events()
                return status
            if time.monotonic() > deadline:
                raise DeployError(f"{self.stack} is still {status} after "
                                  f"{self.poll.timeout_s:.0f} s",
                                  hint="follow it in the CloudFormation console")
            self.poll.sleep(self.poll.interval_s)

    def _report_new_events(self) -> None:
        for event in self._new_events():
            self.console.echo(self._line(event))
            status = str(event.get("ResourceStatus", ""))
            if status.endswith("_FAILED") and event.get("ResourceStatusReason"):
                self.failures.append(event)

    def _new_events(self) -> list[dict[str, Any]]:
        """Events not reported yet, oldest first (CloudFormation lists the newest first)."""
        fresh: list[dict[str, Any]] = []
        paginator = self.cloudformation.get_paginator("describe_stack_events")
        for page in paginator.paginate(StackName=self.stack):
            for event in page.get("StackEvents", []):
                if event["EventId"] in self.seen:
                    return self._mark(fresh)
                fresh.append(event)
        return self._mark(fresh)

    def _mark(self, fresh: list[dict[str, Any]]) -> list[dict[str, Any]]:
        self.seen.update(event["EventId"] for event in fresh)
        return list(reversed(fresh))

    def _line(self, event: dict[str, Any]) -> str:
        status = str(event.get("ResourceStatus", ""))
        resource_type = str(event.get("ResourceType", ""))
        if status.endswith("_COMPLETE") and resource_type != STACK_TYPE:
            self.done.add(str(event.get("LogicalResourceId")))
        progress = f"[{len(self.done)}/{self.expected}] " if self.expected else ""
        reason = event.get("ResourceStatusReason")
        line = (f"{progress}{status:<28} {event.get('LogicalResourceId', '')} "
                f"({resource_type})")
        return f"{line}: {reason}" if reason and status.endswith("_FAILED") else line


def failure_report(headline: str, failures: list[dict[str, Any]]) -> str:
    """Where the stack was left, then why, in the order it happened (the first failing
    events are the causes; later ones are cancellations and rollbacks)."""
    lines = [headline]
    for event in failures:
        lines.append(f"  {event.get('LogicalResourceId')} ({event.get('ResourceType')}) "
                     f"{event.get('ResourceStatus')}: {event.get('ResourceStatusReason')}")
    return "\n".join(lines)


def format_outputs(outputs: dict[str, str]) -> str:
    if not outputs:
        return "No outputs"
    width = max(len(key) for key in outputs)
    return "Outputs\n" + "\n".join(f"  {key:<{width}}  {value}"
                                   for key, value in sorted(outputs.items()))
