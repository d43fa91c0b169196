"""REST APIs (API Gateway v1): `RestApi`, its authorizers, and `ApiEvent`, one route to a function.

An API is always declared: SAM's implicit API (`ServerlessRestApi`) has no access log, no
tracing, no throttle and no authorizer unless every API of the template gets them through
`Globals`, and it appears in no line of the app. A `RestApi` is a resource with its own settings,
secure by default: access logs to its own log group, X-Ray, a Regional endpoint, and IAM auth on
every route unless a route (or the API) says `auth="none"` with a `public=` reason.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar, Literal

from pydantic import Field, field_validator

from lambdakit.events._samples import SAMPLE_ACCOUNT, SAMPLE_REGION, sample_id, sample_uuid
from lambdakit.events._web import (
    SAMPLE_CALLER_ARN,
    SAMPLE_CALLER_ID,
    SAMPLE_SOURCE_IP,
    SAMPLE_TIME_EPOCH_MS,
    SAMPLE_TIME_TEXT,
    Openness,
    Throttling,
    route_auth,
    sample_method,
    sample_path,
)
from lambdakit.model import Binding, Construct, EventSource, Function, Ref, Resource
from lambdakit.model.base import ID_MAX_CHARS, Written, check_id
from lambdakit.model.instance import Instance
from lambdakit.model.logs import DEFAULT_RETENTION_DAYS

# A REST API id is ten characters; the Ref of an API is its id.
API_ID_MAX_BYTES = 10
# Seconds API Gateway caches a Lambda authorizer's answer unless told otherwise.
DEFAULT_AUTHORIZER_TTL_S = 300


class CognitoAuthorizer(Construct):
    """Callers present a token of this Cognito user pool (`header`, `Authorization` by default)."""

    kind = "authorizer"

    name: str
    user_pool_arn: str
    header: str = "Authorization"

    _check_name = field_validator("name")(check_id)

    def label(self) -> str:
        return self.name if isinstance(self.name, str) else type(self).__name__

    def functions(self) -> list[Function]:
        return []

    def sam_authorizer(self) -> dict[str, Any]:
        return {"UserPoolArn": self.user_pool_arn, "Identity": {"Header": self.header}}


class LambdaAuthorizer(Construct):
    """A lambdakit `Function` decides: a `token` authorizer gets one header's value, a `request`
    authorizer the whole request; its answer is cached `cache_ttl` seconds per identity.
    SAM writes API Gateway's permission to invoke it, scoped to this API's authorizers."""

    kind = "authorizer"

    name: str
    function: Instance[Function]
    type: Literal["token", "request"] = "token"
    identity_headers: list[str] = Field(default_factory=lambda: ["Authorization"])
    cache_ttl: int = DEFAULT_AUTHORIZER_TTL_S

    _check_name = field_validator("name")(check_id)

    def label(self) -> str:
        return self.name if isinstance(self.name, str) else type(self).__name__

    def functions(self) -> list[Function]:
        return [self.function]

    def sam_authorizer(self) -> dict[str, Any]:
        identity: dict[str, Any] = {"ReauthorizeEvery": self.cache_ttl}
        if self.type == "token":
            identity["Header"] = self.identity_headers[0] if self.identity_headers else ""
        else:
            identity["Headers"] = list(self.identity_headers)
        return {"FunctionArn": self.function.arn, "FunctionPayloadType": self.type.upper(),
                "Identity": identity}


RestAuth = Openness | Instance[CognitoAuthorizer] | Instance[LambdaAuthorizer]


class RestApi(Resource):
    """A REST API and its one stage. `auth` is its routes' default; `public` is the reason when
    that default is `"none"`. `throttling` caps the stage (the account's Regional quota applies
    anyway). Access logs (JSON, to `<id>AccessLogs`) need API Gateway's account-wide CloudWatch
    role in the Region (one per account, set once; lambdakit does not own it)."""

    kind = "rest_api"
    resource_type = "AWS::Serverless::Api"
    service = "apigateway"
    display_name: ClassVar[str] = "RestApi"

    stage_name: str = "api"
    endpoint: Literal["REGIONAL", "EDGE"] = "REGIONAL"
    auth: RestAuth = "iam"
    public: str | None = None
    throttling: Throttling | None = None
    access_log_retention_days: int = DEFAULT_RETENTION_DAYS
    # Reasons to go without access logs or X-Ray (both on by default).
    without_access_logs: str | None = None
    without_tracing: str | None = None
    description: str | None = None

    @property
    def access_log_group_id(self) -> str:
        return f"{self.id}AccessLogs"

    def written_children(self) -> list[Written]:
        if self.without_access_logs:
            return []
        return [Written(self.access_log_group_id, "AWS::Logs::LogGroup")]

    def derived_ids(self) -> list[str | None]:
        # SAM's stage id is `<api><stage>Stage`; its deployment's id ends in a content hash.
        stage = f"{self.id}{self.stage_name}Stage" if self.stage_name.isalnum() else None
        return [stage, None]

    def output_ids(self) -> list[str]:
        return [f"{self.id}Url"]


class ApiEvent(EventSource):
    """`method path` on `api` invokes the function (a Lambda proxy integration). `auth` unset
    takes the API's; `auth="none"` makes the route public and needs `public=` saying why."""

    sam_type = "Api"
    invocation = "sync"

    api: Instance[RestApi]
    method: str
    path: str
    auth: RestAuth | None = None
    public: str | None = None

    def default_name(self) -> str:
        return route_name(self.method, self.path)

    def effective_auth(self) -> Openness | CognitoAuthorizer | LambdaAuthorizer:
        return self.api.auth if self.auth is None else self.auth

    def public_reason(self) -> str | None:
        return self.api.public if self.auth is None else self.public

    def referenced_constructs(self) -> list[Construct]:
        authorizers = [a for a in (self.api.auth, self.auth)
                       if isinstance(a, CognitoAuthorizer | LambdaAuthorizer) and not a.broken]
        return [self.api, *(fn for a in authorizers for fn in a.functions())]

    def routed_api(self) -> RestApi:
        return self.api

    def derived_ids(self, fn: Function) -> list[str | None]:
        # SAM suffixes the permission with the stage name, hashed when not alphanumeric.
        stage = self.api.stage_name
        return [f"{fn.id}{self.event_name()}Permission{stage}" if stage.isalnum() else None]

    def bind(self, fn: Function) -> Binding:
        auth = self.effective_auth()
        properties: dict[str, Any] = {
            "RestApiId": Ref(self.api, "Name", API_ID_MAX_BYTES),
            "Path": self.path,
            "Method": self.method,
        }
        name = auth.name if isinstance(auth, CognitoAuthorizer | LambdaAuthorizer) else None
        found = route_auth(auth, self.api.auth, name)
        if auth == "iam":
            # The integration invokes with API Gateway's own permission (scoped by SAM to this
            # API), not with the caller's credentials, SAM's default for IAM routes.
            found["InvokeRole"] = "NONE"
        if found:
            properties["Auth"] = found
        return Binding(properties)

    def sample_event(self, fn: Function) -> dict[str, Any]:
        """A Lambda proxy integration event (payload 1.0) for this route and stage."""
        path, parameters = sample_path(self.path)
        method = sample_method(self.method)
        api_id = sample_id(f"api/{self.api.id}", 10)
        request_id = sample_uuid(f"{api_id}/{fn.id}/{self.event_name()}")
        stage = self.api.stage_name
        headers = {"Host": f"{api_id}.execute-api.{SAMPLE_REGION}.amazonaws.com",
                   "User-Agent": "lambdakit-sample", "Accept": "application/json"}
        identity: dict[str, Any] = {"sourceIp": SAMPLE_SOURCE_IP, "userAgent": "lambdakit-sample"}
        auth = self.effective_auth()
        authorizer: dict[str, Any] | None = None
        if auth == "iam":
            identity |= {"accountId": SAMPLE_ACCOUNT, "caller": SAMPLE_CALLER_ID,
                         "user": SAMPLE_CALLER_ID, "userArn": SAMPLE_CALLER_ARN,
                         "accessKey": "ASIAEXAMPLEKEY"}
        elif isinstance(auth, CognitoAuthorizer):
            authorizer = {"claims": {"sub": sample_uuid("sub"), "token_use": "id"}}
        elif isinstance(auth, LambdaAuthorizer):
            authorizer = {"principalId": "user-1", "integrationLatency": 0}
        context: dict[str, Any] = {
            "accountId": SAMPLE_ACCOUNT, "apiId": api_id, "stage": stage,
            "protocol": "HTTP/1.1", "identity": identity, "requestId": request_id,
            "requestTime": SAMPLE_TIME_TEXT, "requestTimeEpoch": SAMPLE_TIME_EPOCH_MS,
            "resourcePath": self.path, "resourceId": sample_id(f"{api_id}{self.path}", 6),
            "httpMethod": method, "path": f"/{stage}{path}",
            "domainName": headers["Host"], "extendedRequestId": request_id[:16],
        }
        if authorizer is not None:
            context["authorizer"] = authorizer
        return {
            "resource": self.path, "path": path, "httpMethod": method,
            "headers": headers, "multiValueHeaders": {k: [v] for k, v in headers.items()},
            "queryStringParameters": None, "multiValueQueryStringParameters": None,
            "pathParameters": parameters or None, "stageVariables": None,
            "requestContext": context,
            "body": None if method in ("GET", "HEAD") else '{"example": "body"}',
            "isBase64Encoded": False,
        }


def route_name(method: str, path: str) -> str:
    """`POST /orders/{id}` → `PostOrdersId`: a readable event name from a route."""
    words = "".join(part[:1].upper() + part[1:] for part in re.split(r"[^A-Za-z0-9]+", path))
    name = re.sub(r"[^A-Za-z0-9]", "", method.capitalize()) + (words or "Root")
    return name[:ID_MAX_CHARS]
