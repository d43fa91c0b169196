"""CloudWatch Logs: a subscription filter sends a log group's matching events to the function."""

from __future__ import annotations

import base64
import gzip
import json
from typing import TYPE_CHECKING, Any

from lambdakit.events._samples import SAMPLE_ACCOUNT, SAMPLE_STACK, sample_id
from lambdakit.limits.arns import LOG_GROUP_ARN
from lambdakit.model import Binding, EventSource, Function
from lambdakit.model.instance import Instance
from lambdakit.model.resources.base import pascal_id

if TYPE_CHECKING:
    from lambdakit.model import Construct

SAMPLE_TIMESTAMP_MS = 1767225600000  # 2026-01-01T00:00:00Z


class LogsSubscriptionEvent(EventSource):
    """The events of `log_group` that match `filter_pattern` ("" matches every event), in
    batches, gzipped and base64-encoded under `awslogs.data`. `log_group` is a log group's name
    (of the stack's own account and Region: SAM subscribes by name, so an ARN is refused), or
    another function of the app (its own log group). Lambda is invoked asynchronously."""

    sam_type = "CloudWatchLogs"
    invocation = "async"

    log_group: str | Instance[Function]
    filter_pattern: str = ""

    def default_name(self) -> str:
        if isinstance(self.log_group, Function):
            return f"LogsOf{self.log_group.id}"
        return f"Logs{pascal_id(self.log_group_name())}"[:64]

    def referenced_constructs(self) -> list[Construct]:
        return [self.log_group] if isinstance(self.log_group, Function) else []

    def log_group_name(self) -> str:
        """The group's name as written (a function's log group has no name before deploy)."""
        if isinstance(self.log_group, Function):
            return ""
        match = LOG_GROUP_ARN.match(self.log_group)
        return match["name"] if match else self.log_group

    def is_own_log_group(self, fn: Function) -> bool:
        """Whether the function would read its own log group: every invocation logs, so every
        invocation would invoke it again."""
        if self.log_group is fn:
            return True
        return bool(fn.function_name) and self.log_group_name() == (
            f"/aws/lambda/{fn.function_name}")

    def derived_ids(self, fn: Function) -> list[str | None]:
        """SAM's subscription filter, and the permission that lets CloudWatch Logs invoke."""
        own = f"{fn.id}{self.event_name()}"
        return [own, f"{own}Permission"]

    def bind(self, fn: Function) -> Binding:
        # SAM scopes the invoke permission to this log group's ARN.
        group: Any = ({"Ref": self.log_group.log_group_id}
                      if isinstance(self.log_group, Function) else self.log_group_name())
        return Binding({"LogGroupName": group, "FilterPattern": self.filter_pattern})

    def sample_event(self, fn: Function) -> dict[str, Any]:
        source = self.log_group
        if isinstance(source, Function):  # named as compile names a function's log group
            group = (f"/aws/lambda/{source.function_name}" if source.function_name
                     else f"/aws/lambda/{SAMPLE_STACK}/{source.id}")
        else:
            group = self.log_group_name()
        stream = f"2026/01/01/[$LATEST]{sample_id(group, 32)}"
        message = {"level": "ERROR", "message": "example log line"}
        payload = {
            "messageType": "DATA_MESSAGE",
            "owner": SAMPLE_ACCOUNT,
            "logGroup": group,
            "logStream": stream,
            "subscriptionFilters": [f"{fn.id}{self.event_name()}"],
            "logEvents": [{"id": str(int(sample_id(stream, 15), 16)),
                           "timestamp": SAMPLE_TIMESTAMP_MS,
                           "message": json.dumps(message, sort_keys=True)}],
        }
        # mtime=0: the same bytes on every run.
        packed = gzip.compress(json.dumps(payload, sort_keys=True).encode(), mtime=0)
        return {"awslogs": {"data": base64.b64encode(packed).decode()}}
