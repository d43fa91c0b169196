"""The context object a Python handler receives, as the Lambda Python runtime builds it."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass

from lambdakit.events._samples import sample_id, sample_uuid
from lambdakit.local.placeholders import function_arn, function_name, log_group_name
from lambdakit.model import Function

LATEST = "$LATEST"


@dataclass(frozen=True)
class Identity:
    """Who is running: the names Lambda would give this invocation of the function."""

    function_name: str
    function_arn: str
    memory_mb: int
    timeout_s: int
    log_group_name: str
    log_stream_name: str
    request_id: str
    version: str = LATEST

    @classmethod
    def of(cls, fn: Function, request_id: str | None = None) -> Identity:
        """Deterministic names and request id (derived from the function id) unless told."""
        today = dt.datetime.now(dt.UTC).strftime("%Y/%m/%d")
        return cls(
            function_name=function_name(fn), function_arn=function_arn(fn),
            memory_mb=fn.memory, timeout_s=fn.timeout, log_group_name=log_group_name(fn),
            log_stream_name=f"{today}/[{LATEST}]{sample_id(f'{fn.id}/stream')}",
            request_id=request_id or sample_uuid(f"{fn.id}/invoke"))


class CognitoIdentity:
    """Empty unless the caller was the AWS Mobile SDK, as for every local run."""

    cognito_identity_id: str | None = None
    cognito_identity_pool_id: str | None = None


class LambdaContext:
    """The attributes and method of the Python runtime's context. `memory_limit_in_mb` is a
    string there (it is read from the environment), so it is one here too."""

    def __init__(self, identity: Identity) -> None:
        self.aws_request_id = identity.request_id
        self.function_name = identity.function_name
        self.function_version = identity.version
        self.invoked_function_arn = identity.function_arn
        self.memory_limit_in_mb = str(identity.memory_mb)
        self.log_group_name = identity.log_group_name
        self.log_stream_name = identity.log_stream_name
        self.client_context = None
        self.identity = CognitoIdentity()
        self.tenant_id = None
        self._deadline = time.monotonic() + identity.timeout_s

    def get_remaining_time_in_millis(self) -> int:
        """Milliseconds until the function's timeout, counted from the start of the call."""
        return max(0, int((self._deadline - time.monotonic()) * 1000))

    def __repr__(self) -> str:
        return (f"LambdaContext(aws_request_id={self.aws_request_id!r}, "
                f"function_name={self.function_name!r})")
