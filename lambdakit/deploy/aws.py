"""The AWS side of deploy: clients for one region, and errors worth a sentence, not a traceback.

boto3 is imported here lazily, so `lambdakit synth` never pays for it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Protocol


class DeployError(Exception):
    """A deploy that cannot go on, with what to do about it."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class Console(Protocol):
    """Where deploy reports progress and asks before it acts (the CLI passes click's)."""

    def echo(self, text: str) -> None: ...

    def confirm(self, question: str) -> bool: ...


@dataclass
class Poll:
    """How often to ask CloudFormation for news, and for how long at most."""

    interval_s: float = 2.0
    timeout_s: float = 3600.0
    sleep: Any = field(default=time.sleep)


@dataclass
class Aws:
    """The clients deploy uses, all for `region`."""

    region: str
    cloudformation: Any
    s3: Any


def connect(region: str | None) -> Aws:
    """Clients for `region`, or the region of the environment/profile when None.
    `AWS_ENDPOINT_URL` (honoured by botocore) points them at another endpoint."""
    import boto3

    session = boto3.session.Session(region_name=region)
    if not session.region_name:
        raise DeployError("no AWS region is set",
                          hint="pass --region, set region in [tool.lambdakit] of "
                               "pyproject.toml, or export AWS_REGION")
    return Aws(session.region_name, session.client("cloudformation"), session.client("s3"))


def error_code(exc: Exception) -> str:
    response = getattr(exc, "response", None) or {}
    return str(response.get("Error", {}).get("Code", ""))


def s3_url(region: str, bucket: str, key: str) -> str:
    """The virtual-hosted URL CloudFormation reads a template from (never the client's
    endpoint: CloudFormation, not this machine, fetches it)."""
    suffix = "amazonaws.com.cn" if region.startswith("cn-") else "amazonaws.com"
    return f"https://{bucket}.s3.{region}.{suffix}/{key}"
