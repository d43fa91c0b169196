"""One CloudFormation stack: its status, its events as they happen, its outputs."""

from __future__ import annotations

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
HEARTBEAT_S = 30.0  # a line at least this often while a stack is busy, events or not
WORKING_SHOWN = 3  # in-progress resources a heartbeat names


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
    """Follows a stack's events until its status settles, reporting each as it comes with
    the time since the watch began and the resources done out of the expected total, and a
    line every HEARTBEAT_S when nothing happens."""

    cloudformation: Any
    stack: str  # the stack id: it still answers once the stack is deleted
    console: Console
    poll: Poll
    expected: int = 0  # resources the operation will touch, for the progress count
    seen: set[str] = field(default_factory=set)
    failures: list[dict[str, Any]] = field(default_factory=list)
    done: set[str] = field(default_factory=set)
    status: str = ""  # the stack's status, as last read
    working: set[str] = field(default_factory=set)  # resources in progress
    started: float | None = field(default=None, init=False)
    last_line: float = field(default=0.0, init=False)

    def until_settled(self) -> str:
        """The final status, once it no longer ends in _IN_PROGRESS."""
        self.started = self.last_line = self.poll.clock()
        deadline = self.started + self.poll.timeout_s
        while True:
            self._report_new_events()
            self.status = status_of(self.cloudformation, self.stack) or "DELETE_COMPLETE"
            if not is_busy(self.status):
                self._report_new_events()
                return self.status
            now = self.poll.clock()
            if now > deadline:
                raise DeployError(f"{self.stack} is still {self.status} after "
                                  f"{self.poll.timeout_s:.0f} s",
                                  hint="follow it in the CloudFormation console")
            if now - self.last_line >= HEARTBEAT_S:
                self._say(f"still {self.status}{self._working_text()}")
            self.poll.sleep(self.poll.interval_s)

    @property
    def progress(self) -> str:
        """Elapsed time and resources done, as the event lines start: `1m05s 3/7`."""
        if self.started is None:
            return ""
        return f"{self._elapsed} {self._done}/{self.expected}" if self.expected \
            else self._elapsed

    @property
    def summary(self) -> str:
        """The same in words, for a message: `1m05s into the operation, 3 of 7 resources
        done`."""
        if self.started is None:
            return ""
        done = f", {self._done} of {self.expected} resources done" if self.expected else ""
        return f"{self._elapsed} into the operation{done}"

    @property
    def _elapsed(self) -> str:
        return format_duration(self.poll.clock() - (self.started or 0.0))

    @property
    def _done(self) -> int:
        return min(len(self.done), self.expected)

    def _say(self, text: str) -> None:
        self.console.progress(f"[{self.progress}] {text}")
        self.last_line = self.poll.clock()

    def _working_text(self) -> str:
        if not self.working:
            return ""
        names = sorted(self.working)
        more = f" and {len(names) - WORKING_SHOWN} more" if len(names) > WORKING_SHOWN else ""
        return f"; in progress: {', '.join(names[:WORKING_SHOWN])}{more}"

    def _report_new_events(self) -> None:
        for event in self._new_events():
            self._count(event)
            self._say(_line(event))
            status = str(event.get("ResourceStatus", ""))
            if status.endswith("_FAILED") and event.get("ResourceStatusReason"):
                self.failures.append(event)

    def _count(self, event: dict[str, Any]) -> None:
        if event.get("ResourceType") == STACK_TYPE:
            return
        logical_id, status = str(event.get("LogicalResourceId")), str(event.get("ResourceStatus"))
        if status.endswith("_IN_PROGRESS"):
            self.working.add(logical_id)
        else:
            self.working.discard(logical_id)
        if status.endswith("_COMPLETE"):
            self.done.add(logical_id)

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


def _line(event: dict[str, Any]) -> str:
    status = str(event.get("ResourceStatus", ""))
    reason = event.get("ResourceStatusReason")
    line = (f"{status:<28} {event.get('LogicalResourceId', '')} "
            f"({event.get('ResourceType', '')})")
    return f"{line}: {reason}" if reason and status.endswith("_FAILED") else line


def format_duration(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 60}m{whole % 60:02d}s" if whole >= 60 else f"{whole}s"


def failure_report(headline: str, failures: list[dict[str, Any]], see_more: str) -> str:
    """Where the stack was left, then why, in the order it happened (the first failing
    events are the causes; later ones are cancellations and rollbacks), then where to look."""
    lines = [headline]
    for event in failures:
        lines.append(f"  {event.get('LogicalResourceId')} ({event.get('ResourceType')}) "
                     f"{event.get('ResourceStatus')}: {event.get('ResourceStatusReason')}")
    return "\n".join([*lines, f"  {see_more}"])


def format_outputs(outputs: dict[str, str]) -> str:
    if not outputs:
        return "No outputs"
    width = max(len(key) for key in outputs)
    return "Outputs\n" + "\n".join(f"  {key:<{width}}  {value}"
                                   for key, value in sorted(outputs.items()))
