"""HTTP APIs (API Gateway v2): `HttpApi`, JWT authorizers, and `HttpApiEvent`, one route.

Cheaper and simpler than a REST API, with a 30 s integration limit, payload format 2.0, CORS
handled by API Gateway, and no X-Ray. As for REST APIs, the API is always declared (never SAM's
implicit `ServerlessHttpApi`), logs access to its own log group, and requires IAM auth on every
route unless the route or the API says `auth="none"` with a `public=` reason.
"""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import field_validator

from lambdakit.events._samples import SAMPLE_ACCOUNT, SAMPLE_REGION, sample_id, sample_uuid
from lambdakit.events._web import (
    DEFAULT_STAGE,
    SAMPLE_SOURCE_IP,
    SAMPLE_TIME_EPOCH_MS,
    SAMPLE_TIME_TEXT,
    Cors,
    Openness,
    Throttling,
    route_auth,
    sample_iam_authorizer,
    sample_method,
    sample_path,
)
from lambdakit.events.rest import API_ID_MAX_BYTES, route_name
from lambdakit.model import Binding, Construct, EventSource, Function, Ref, Resource
from lambdakit.model.base import Written, check_id
from lambdakit.model.instance import Instance
from lambdakit.model.logs import DEFAULT_RETENTION_DAYS


class JwtAuthorizer(Construct):
    """Callers present a JWT from `issuer` (an `https://` URL) for one of `audience`; API
    Gateway checks signature, expiry and audience before the function runs."""

    kind = "authorizer"

    name: str
    issuer: str
    audience: list[str]
    identity_source: str = "$request.header.Authorization"

    _check_name = field_validator("name")(check_id)

    def label(self) -> str:
        return self.name if isinstance(self.name, str) else type(self).__name__

    def functions(self) -> list[Function]:
        return []  # API Gateway checks the token itself

    def sam_authorizer(self) -> dict[str, Any]:
        return {"JwtConfiguration": {"issuer": self.issuer, "audience": list(self.audience)},
                "IdentitySource": self.identity_source}


HttpAuth = Openness | Instance[JwtAuthorizer]


class HttpApi(Resource):
    """An HTTP API and its stage (`$default`: no stage name in the URL)."""

    kind = "http_api"
    resource_type = "AWS::Serverless::HttpApi"
    service = "apigateway"
    display_name: ClassVar[str] = "HttpApi"

    stage_name: str = DEFAULT_STAGE
    auth: HttpAuth = "iam"
    public: str | None = None
    cors: Cors | None = None
    throttling: Throttling | None = None
    access_log_retention_days: int = DEFAULT_RETENTION_DAYS
    without_access_logs: str | None = None  # a reason to go without them
    description: str | None = None

    @property
    def access_log_group_id(self) -> str:
        return f"{self.id}AccessLogs"

    def written_children(self) -> list[Written]:
        if self.without_access_logs:
            return []
        return [Written(self.access_log_group_id, "AWS::Logs::LogGroup")]

    def derived_ids(self) -> list[str | None]:
        # SAM's stage; a name that is not alphanumeric makes its id unpredictable.
        if self.stage_name == DEFAULT_STAGE:
            return [f"{self.id}ApiGatewayDefaultStage"]
        return [f"{self.id}{self.stage_name}Stage" if self.stage_name.isalnum() else None]

    def output_ids(self) -> list[str]:
        return [f"{self.id}Url"]


class HttpApiEvent(EventSource):
    """`method path` on `api` invokes the function, payload format 2.0. `scopes` are the OAuth
    scopes a JWT must hold for this route."""

    sam_type = "HttpApi"
    invocation = "sync"

    api: Instance[HttpApi]
    method: str
    path: str
    auth: HttpAuth | None = None
    public: str | None = None
    scopes: list[str] = []

    def default_name(self) -> str:
        return route_name(self.method, self.path)

    def effective_auth(self) -> Openness | JwtAuthorizer:
        return self.api.auth if self.auth is None else self.auth

    def public_reason(self) -> str | None:
        return self.api.public if self.auth is None else self.public

    def referenced_constructs(self) -> list[Construct]:
        return [self.api]

    def routed_api(self) -> HttpApi:
        return self.api

    def derived_ids(self, fn: Function) -> list[str | None]:
        return [f"{fn.id}{self.event_name()}Permission"]

    def bind(self, fn: Function) -> Binding:
        auth = self.effective_auth()
        properties: dict[str, Any] = {
            "ApiId": Ref(self.api, "Name", API_ID_MAX_BYTES),
            "Path": self.path,
            "Method": self.method,
            "PayloadFormatVersion": "2.0",
        }
        found = route_auth(auth, self.api.auth,
                           auth.name if isinstance(auth, JwtAuthorizer) else None)
        if isinstance(auth, JwtAuthorizer) and self.scopes:
            found["AuthorizationScopes"] = list(self.scopes)
        if found:
            properties["Auth"] = found
        return Binding(properties)

    def sample_event(self, fn: Function) -> dict[str, Any]:
        """A payload format 2.0 event for this route and stage."""
        path, parameters = sample_path(self.path)
        method = sample_method(self.method)
        api_id = sample_id(f"httpapi/{self.api.id}", 10)
        stage = self.api.stage_name
        route_key = f"{self.method} {self.path}"
        domain = f"{api_id}.execute-api.{SAMPLE_REGION}.amazonaws.com"
        raw_path = path if stage == DEFAULT_STAGE else f"/{stage}{path}"
        context: dict[str, Any] = {
            "accountId": SAMPLE_ACCOUNT, "apiId": api_id, "domainName": domain,
            "domainPrefix": api_id,
            "http": {"method": method, "path": raw_path, "protocol": "HTTP/1.1",
                     "sourceIp": SAMPLE_SOURCE_IP, "userAgent": "lambdakit-sample"},
            "requestId": sample_uuid(f"{api_id}/{fn.id}/{self.event_name()}")[:16],
            "routeKey": route_key, "stage": stage,
            "time": SAMPLE_TIME_TEXT, "timeEpoch": SAMPLE_TIME_EPOCH_MS,
        }
        auth = self.effective_auth()
        if auth == "iam":
            context["authorizer"] = sample_iam_authorizer()
        elif isinstance(auth, JwtAuthorizer):
            context["authorizer"] = {"jwt": {
                "claims": {"sub": sample_uuid("sub"), "iss": auth.issuer},
                "scopes": list(self.scopes) or None}}
        event: dict[str, Any] = {
            "version": "2.0", "routeKey": route_key, "rawPath": raw_path,
            "rawQueryString": "", "cookies": [],
            "headers": {"host": domain, "user-agent": "lambdakit-sample",
                        "accept": "application/json"},
            "requestContext": context, "isBase64Encoded": False,
        }
        if parameters:
            event["pathParameters"] = parameters
        if method not in ("GET", "HEAD"):
            event["body"] = '{"example": "body"}'
        return event
