"""The AWS side of deploy: clients for one region, and errors worth a sentence, not a traceback.

boto3 is imported here lazily, so `lambdakit synth` never pays for it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol


class DeployError(Exception):
    """A deploy that cannot go on, with what to do about it."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class Interrupted(DeployError):
    """The user stopped lambdakit (Ctrl-C); its notes say what CloudFormation still does."""


class Console(Protocol):
    """Where deploy reports and asks before it acts (the CLI passes click's): `echo` for the
    review and the result, `progress` for the stack's events as they come (stderr)."""

    @property
    def interactive(self) -> bool:
        """A person can answer an unplanned question (stdin is a terminal)."""
        ...

    def echo(self, text: str) -> None: ...

    def progress(self, text: str) -> None: ...

    def confirm(self, question: str) -> bool: ...


@dataclass
class Poll:
    """How often to ask CloudFormation for news, for how long at most, and the clock that
    measures it (both injectable, so tests need not wait)."""

    interval_s: float = 2.0
    timeout_s: float = 3600.0
    sleep: Callable[[float], Any] = field(default=time.sleep)
    clock: Callable[[], float] = field(default=time.monotonic)


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


CREDENTIALS_HINT = ("lambdakit uses boto3's credentials: set AWS_PROFILE to a profile of "
                    "~/.aws/config (`aws configure` or `aws configure sso` makes one, "
                    "`aws sso login` refreshes it), or export AWS_ACCESS_KEY_ID and "
                    "AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary ones)")
# Codes AWS answers when it does not accept the credentials it was given.
REFUSED_CREDENTIALS = frozenset({"ExpiredToken", "ExpiredTokenException",
                                 "InvalidClientTokenId", "UnrecognizedClientException"})


def hint_for(exc: Exception) -> str:
    """What to do about an error of botocore or AWS, when something useful can be said."""
    from botocore import exceptions as errors

    if isinstance(exc, (errors.NoCredentialsError, errors.PartialCredentialsError,
                        errors.CredentialRetrievalError, errors.TokenRetrievalError,
                        errors.SSOError, errors.ProfileNotFound)) \
            or error_code(exc) in REFUSED_CREDENTIALS:
        return CREDENTIALS_HINT
    if isinstance(exc, (errors.ConnectionError, errors.HTTPClientError)):
        return "check the network connection (and AWS_ENDPOINT_URL, if it is set)"
    return ""


def error_code(exc: BaseException) -> str:
    response = getattr(exc, "response", None) or {}
    return str(response.get("Error", {}).get("Code", ""))


def s3_url(region: str, bucket: str, key: str) -> str:
    """The virtual-hosted URL CloudFormation reads a template from (never the client's
    endpoint: CloudFormation, not this machine, fetches it)."""
    suffix = "amazonaws.com.cn" if region.startswith("cn-") else "amazonaws.com"
    return f"https://{bucket}.s3.{region}.{suffix}/{key}"
