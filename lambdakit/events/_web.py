"""What the HTTP sources share: CORS, stage throttling, routes, and how each is written for SAM.

REST APIs, HTTP APIs and function URLs differ in what they can do, not in how a route, a CORS
rule or a throttle is described, so those are one construct each.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from lambdakit.events._samples import SAMPLE_ACCOUNT
from lambdakit.model import Construct

DEFAULT_STAGE = "$default"

# What a route may name; ANY matches every method.
HTTP_METHODS = ("ANY", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT")
# `{name}` is one path segment, `{name+}` the rest of the path (a greedy, "proxy" parameter).
PATH_PARAMETER = re.compile(r"^\{([A-Za-z0-9._-]+)(\+?)\}$")
LITERAL_SEGMENT = re.compile(r"^[A-Za-z0-9._~:@!$&'()*,;=-]+$")
# A public route or URL says why it is public; anything else requires a caller identity.
Openness = Literal["iam", "none"]
SAMPLE_TIME_EPOCH_MS = 1767225600000  # 2026-01-01T00:00:00Z
SAMPLE_TIME_TEXT = "01/Jan/2026:00:00:00 +0000"
SAMPLE_SOURCE_IP = "203.0.113.10"  # TEST-NET-3: never a real caller
SAMPLE_CALLER_ID = "AROAEXAMPLEID:caller"
SAMPLE_CALLER_ARN = f"arn:aws:sts::{SAMPLE_ACCOUNT}:assumed-role/caller/caller"


class Cors(Construct):
    """Which browser origins may call, with what. Unset lists allow nothing beyond the simple
    requests browsers send anyway."""

    kind = "cors"

    allow_origins: list[str]
    allow_methods: list[str] = []
    allow_headers: list[str] = []
    expose_headers: list[str] = []
    allow_credentials: bool = False
    # Seconds a browser may cache the preflight answer (0: not at all).
    max_age: int = 0

    def properties(self) -> dict[str, Any]:
        """The CORS block HTTP APIs (`CorsConfiguration`) and function URLs (`Cors`) share."""
        found: dict[str, Any] = {"AllowOrigins": list(self.allow_origins)}
        for key, values in (("AllowMethods", self.allow_methods),
                            ("AllowHeaders", self.allow_headers),
                            ("ExposeHeaders", self.expose_headers)):
            if values:
                found[key] = list(values)
        if self.allow_credentials:
            found["AllowCredentials"] = True
        if self.max_age:
            found["MaxAge"] = self.max_age
        return found


class Throttling(Construct):
    """A stage's steady request rate (per second) and burst (the token bucket's size).
    Unset, the account's Regional quota, shared by every API of the account, is the only one."""

    kind = "throttling"

    rate: float
    burst: int


def path_parameters(path: str) -> list[tuple[str, bool]]:
    """(name, greedy) of each `{name}` / `{name+}` segment of a route path, in order."""
    found = []
    for segment in path.split("/"):
        match = PATH_PARAMETER.match(segment)
        if match:
            found.append((match[1], bool(match[2])))
    return found


def route_key(method: str, path: str) -> tuple[str, str]:
    """Two routes are the same route when they differ only in their parameters' names."""
    segments = ["{+}" if (m := PATH_PARAMETER.match(s)) and m[2] else "{}" if m else s
                for s in path.split("/")]
    return method, "/".join(segments)


def sample_path(path: str) -> tuple[str, dict[str, str]]:
    """The route's path with each parameter filled in, and the parameters' sample values."""
    values: dict[str, str] = {}
    segments = []
    for segment in path.split("/"):
        match = PATH_PARAMETER.match(segment)
        if match:
            values[match[1]] = "a/b" if match[2] else f"{match[1].lower()}-1"
            segments.append(values[match[1]])
        else:
            segments.append(segment)
    return "/".join(segments) or "/", values


def sample_method(method: str) -> str:
    """The method a sample request uses: ANY routes are sampled with GET."""
    return "GET" if method == "ANY" else method



def route_auth(auth: object, api_auth: object, authorizer_name: str | None) -> dict[str, Any]:
    """A route's SAM `Auth`: IAM, an authorizer by name, or public. SAM takes `NONE` only to
    override an API default, and a public API has none, so there the block is left out."""
    if auth == "iam":
        return {"Authorizer": "AWS_IAM"}
    if auth == "none":
        return {} if api_auth == "none" else {"Authorizer": "NONE"}
    return {"Authorizer": authorizer_name}


def sample_iam_authorizer() -> dict[str, Any]:
    """The signed caller a payload 2.0 event carries for IAM auth."""
    return {"iam": {"accessKey": "ASIAEXAMPLEKEY", "accountId": SAMPLE_ACCOUNT,
                    "callerId": SAMPLE_CALLER_ID, "userArn": SAMPLE_CALLER_ARN,
                    "userId": SAMPLE_CALLER_ID}}
